using System.Text.Json;
using Capsule.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>Chats between people in separate browsers, share cards from a running program, Moments, and untrusted text.</summary>
public sealed class SocialTests(CapsuleFixture fixture) : BrowserTest(fixture)
{
    private const string Payload = "<img src=x onerror=window.__pwned=1>";

    private sealed record Person(IBrowserContext Context, IPage Page, TestUser User) : IAsyncDisposable
    {
        public async Task<JsonElement> PostAsync(string url, object body)
        {
            var response = await Context.APIRequest.PostAsync(url, new APIRequestContextOptions { DataObject = body });
            Assert.True(response.Ok, $"{url}: {response.Status} {await response.TextAsync()}");
            return (await response.JsonAsync())!.Value;
        }

        public async ValueTask DisposeAsync() => await Context.DisposeAsync();
    }

    private async Task<Person> PersonAsync(string nickname)
    {
        var context = await NewContextAsync();
        var user = await TestUser.SignUpAsync(context, nickname);
        return new Person(context, await context.NewPageAsync(), user);
    }

    private static async Task BefriendAsync(Person a, Person b)
    {
        await a.PostAsync("/api/contacts", new { id = b.User.Id });
        await b.PostAsync("/api/contacts", new { id = a.User.Id });
    }

    private static async Task<long> DirectAsync(Person a, Person b) => (await a.PostAsync("/api/chats/direct", new { userId = b.User.Id })).GetProperty("id").GetInt64();

    private static async Task<long> GroupAsync(Person owner, string name, params Person[] members) =>
        (await owner.PostAsync("/api/chats/groups", new { name, memberIds = members.Select(m => m.User.Id).ToArray() })).GetProperty("id").GetInt64();

    private static async Task SendAsync(IPage page, string text)
    {
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
    }

    private static ILocator Message(IPage page, string text) => page.Locator(".messages .message").Filter(new() { HasText = text });

    /// <summary>Runs a test body, with a screenshot of every person's page if it fails.</summary>
    private static async Task WithPeopleAsync(Func<Task> body, params Person[] people)
    {
        try
        {
            await body();
        }
        catch (Exception error)
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(dir);
            foreach (var person in people)
            {
                await person.Page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"social-{person.User.Nickname}.png"), FullPage = true });
            }
            throw new InvalidOperationException($"{error.Message}\nScreenshots in {dir}", error);
        }
        finally
        {
            foreach (var person in people)
            {
                await person.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Someone_added_by_capsule_id_accepts_and_they_can_chat()
    {
        var ann = await PersonAsync("Ann");
        var bob = await PersonAsync("Bob");
        await WithPeopleAsync(async () =>
        {
            var handle = $"ann_{Guid.NewGuid():N}"[..20];
            var response = await ann.Context.APIRequest.PutAsync("/api/account/handle", new() { DataObject = new { handle } });
            Assert.True(response.Ok);

            await bob.Page.GotoAsync($"/#/contacts/add?id={handle.ToUpperInvariant()}");
            var found = bob.Page.Locator(".lookup .person");
            await Expect(found.Locator("strong")).ToHaveTextAsync("Ann");
            await found.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
            await Expect(found.Locator(".relation")).ToContainTextAsync("Request sent");

            await ann.Page.GotoAsync("/#/contacts");
            var request = ann.Page.Locator(".person").Filter(new() { HasText = "Bob" });
            await request.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
            await ann.Page.Locator(".person").Filter(new() { HasText = "Bob" }).GetByRole(AriaRole.Button, new() { Name = "Message" }).First.ClickAsync();
            await Expect(ann.Page.Locator(".top-bar h1")).ToHaveTextAsync("Bob");
            await SendAsync(ann.Page, "Welcome, Bob");
            await bob.Page.GotoAsync("/#/chats");
            await Expect(bob.Page.Locator(".chat-preview")).ToHaveTextAsync("Welcome, Bob");
        }, ann, bob);
    }

    [Fact]
    public async Task Two_people_chat_in_real_time_and_messages_sent_while_one_is_away_arrive_when_back()
    {
        var ann = await PersonAsync("Ann");
        var bob = await PersonAsync("Bob");
        await WithPeopleAsync(async () =>
        {
            await BefriendAsync(ann, bob);
            var chat = await DirectAsync(ann, bob);
            await ann.Page.GotoAsync($"/#/chat?id={chat}");
            await bob.Page.GotoAsync("/#/chats");
            await Expect(bob.Page.Locator(".conversation-list [data-chat]")).ToHaveCountAsync(1);

            await SendAsync(ann.Page, "Hello Bob");
            var item = bob.Page.Locator($"[data-chat='{chat}']");
            await Expect(item.Locator(".chat-preview")).ToHaveTextAsync("Hello Bob");
            await Expect(item.Locator(".badge")).ToHaveTextAsync("1");

            await item.ClickAsync();
            await Expect(Message(bob.Page, "Hello Bob")).ToBeVisibleAsync();
            await SendAsync(bob.Page, "Hi Ann");
            await Expect(Message(ann.Page, "Hi Ann")).ToBeVisibleAsync();

            // Bob goes away (his page is gone); Ann writes twice; Bob comes back and both are there, in order.
            await bob.Page.CloseAsync();
            await SendAsync(ann.Page, "While you were away 1");
            await SendAsync(ann.Page, "While you were away 2");
            await Expect(Message(ann.Page, "While you were away 2")).ToBeVisibleAsync();
            var back = await bob.Context.NewPageAsync();
            await back.GotoAsync("/#/chats");
            await Expect(back.Locator($"[data-chat='{chat}'] .badge")).ToHaveTextAsync("2");
            await back.Locator($"[data-chat='{chat}']").ClickAsync();
            await Expect(back.Locator(".messages .message").Last).ToContainTextAsync("While you were away 2");

            // And live again, with the connection restored after going offline and online.
            await bob.Context.SetOfflineAsync(true);
            await SendAsync(ann.Page, "Back online?");
            await bob.Context.SetOfflineAsync(false);
            await Expect(Message(back, "Back online?")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }, ann, bob);
    }

    /// <summary>Evaluates in the running program's logic Worker (where <c>wx</c> lives).</summary>
    private static async Task<JsonElement> InProgramAsync(IPage page, string expression)
    {
        IWorker? worker = null;
        await Expect(page.Locator(".program[data-route]")).ToBeVisibleAsync();
        for (var i = 0; worker is null && i < 100; i++)
        {
            foreach (var candidate in page.Workers.Reverse())
            {
                if (await candidate.EvaluateAsync<bool>("() => typeof wx === 'object'"))
                {
                    worker = candidate;
                    break;
                }
            }
            if (worker is null)
            {
                await page.WaitForWorkerAsync(new() { Timeout = 200 }).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        Assert.NotNull(worker);
        return await worker.EvaluateAsync<JsonElement>(expression);
    }

    [Fact]
    public async Task A_program_shared_to_a_chat_and_a_group_opens_at_its_path_with_scene_1007_or_1008()
    {
        var ann = await PersonAsync("Ann");
        var bob = await PersonAsync("Bob");
        var cat = await PersonAsync("Cat");
        await WithPeopleAsync(async () =>
        {
            await BefriendAsync(ann, bob);
            await BefriendAsync(ann, cat);
            var direct = await DirectAsync(ann, bob);
            var group = await GroupAsync(ann, "Fruit fans", bob, cat);
            var demos = (await (await ann.Context.APIRequest.GetAsync("/api/programs/demo")).JsonAsync())!.Value;
            var hello = demos.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Hello Capsule").GetProperty("appId").GetString()!;

            await ann.Page.GotoAsync($"/#/mp/{hello}");
            await new MiniProgramPage(ann.Page).WaitForFirstPageAsync();
            foreach (var target in new[] { "Bob", "👥 Fruit fans" })
            {
                await new ReachPages(ann.Page).MenuAsync("share");
                await ann.Page.Locator(".share-target").Filter(new() { HasText = target }).ClickAsync();
                await Expect(ann.Page.Locator(".share-sheet")).ToHaveCountAsync(0);
            }

            await bob.Page.GotoAsync($"/#/chat?id={direct}");
            var card = bob.Page.Locator(".mp-card");
            await Expect(card.Locator(".mp-card-name")).ToHaveTextAsync("Hello Capsule");
            await Expect(card.Locator(".mp-card-title")).ToHaveTextAsync("Hello Capsule");
            await Expect(card.Locator(".mp-card-image.placeholder")).ToBeVisibleAsync();
            await card.ClickAsync();
            var options = await InProgramAsync(bob.Page, "() => wx.getLaunchOptionsSync()");
            Assert.Equal(1007, options.GetProperty("scene").GetInt32());
            Assert.Equal("pages/index/index", options.GetProperty("path").GetString());
            Assert.False(options.TryGetProperty("shareTicket", out _));

            await bob.Page.GotoAsync($"/#/chat?id={group}");
            await bob.Page.Locator(".mp-card").ClickAsync();
            options = await InProgramAsync(bob.Page, "() => wx.getLaunchOptionsSync()");
            Assert.Equal(1008, options.GetProperty("scene").GetInt32());
            var ticket = options.GetProperty("shareTicket").GetString()!;
            var info = await InProgramAsync(bob.Page, $"() => new Promise((resolve) => wx.getShareInfo({{ shareTicket: {JsonSerializer.Serialize(ticket)}, success: resolve, fail: resolve }}))");
            Assert.Equal("getShareInfo:ok", info.GetProperty("errMsg").GetString());
        }, ann, bob, cat);
    }

    [Fact]
    public async Task A_share_button_in_a_program_shares_what_its_page_says_and_the_card_opens_there()
    {
        var ann = await PersonAsync("Ann");
        var bob = await PersonAsync("Bob");
        await WithPeopleAsync(async () =>
        {
            await BefriendAsync(ann, bob);
            var direct = await DirectAsync(ann, bob);
            var demos = (await (await ann.Context.APIRequest.GetAsync("/api/programs/demo")).JsonAsync())!.Value;
            var shop = demos.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Corner Shop").GetProperty("appId").GetString()!;

            await ann.Page.GotoAsync($"/#/mp/{shop}?path={Uri.EscapeDataString("pages/detail/detail?id=2")}");
            await ann.Page.FrameLocator("iframe.mp-container").Locator(".share").ClickAsync();
            await ann.Page.Locator(".share-target").Filter(new() { HasText = "Bob" }).ClickAsync();
            await Expect(ann.Page.Locator(".share-sheet")).ToHaveCountAsync(0);

            await bob.Page.GotoAsync($"/#/chat?id={direct}");
            var card = bob.Page.Locator(".mp-card");
            await Expect(card.Locator(".mp-card-title")).ToHaveTextAsync("Oolong, just ¥18");
            await card.ClickAsync();
            var options = await InProgramAsync(bob.Page, "() => wx.getLaunchOptionsSync()");
            Assert.Equal(1007, options.GetProperty("scene").GetInt32());
            Assert.Equal("pages/detail/detail", options.GetProperty("path").GetString());
            Assert.Equal("2", options.GetProperty("query").GetProperty("id").GetString());
            await Expect(bob.Page.Locator(".program[data-route='pages/detail/detail']")).ToBeVisibleAsync();
        }, ann, bob);
    }

    [Fact]
    public async Task Moments_offer_no_way_to_share_a_program_and_the_api_refuses_one()
    {
        var ann = await PersonAsync("Ann");
        var bob = await PersonAsync("Bob");
        await WithPeopleAsync(async () =>
        {
            await BefriendAsync(ann, bob);
            await ann.Page.GotoAsync("/#/moments");
            await ann.Page.GetByRole(AriaRole.Textbox, new() { Name = "What’s new?" }).FillAsync("A quiet day");
            await ann.Page.GetByRole(AriaRole.Button, new() { Name = "Post" }).ClickAsync();
            await Expect(ann.Page.Locator(".moment .moment-text")).ToHaveTextAsync("A quiet day");
            await Expect(ann.Page.Locator(".sub-page")).Not.ToContainTextAsync("Mini Program");
            await Expect(ann.Page.Locator(".sub-page .mp-card, .sub-page .capsule-more, .sub-page [data-appid]")).ToHaveCountAsync(0);

            await bob.Page.GotoAsync("/#/moments");
            var moment = bob.Page.Locator(".moment").Filter(new() { HasText = "A quiet day" });
            await moment.GetByRole(AriaRole.Button, new() { Name = "Like" }).ClickAsync();
            await Expect(bob.Page.Locator(".moment .moment-likes")).ToContainTextAsync("Bob");

            var refused = await ann.Context.APIRequest.PostAsync("/api/moments", new APIRequestContextOptions
            {
                DataObject = new { text = "Try this", miniProgram = new { appId = "wx0000000000000000", title = "t", path = "pages/index/index" } },
            });
            Assert.Equal(400, refused.Status);
            Assert.StartsWith("application/problem+json", refused.Headers["content-type"], StringComparison.Ordinal);
            Assert.Equal("Mini programs cannot be shared to Moments", (await refused.JsonAsync())!.Value.GetProperty("title").GetString());
        }, ann, bob);
    }

    [Fact]
    public async Task Untrusted_text_in_names_messages_moments_and_cards_shows_literally_and_runs_nothing()
    {
        var mallory = await PersonAsync(Payload);
        var bob = await PersonAsync("Bob");
        var cat = await PersonAsync("Cat");
        await WithPeopleAsync(async () =>
        {
            await BefriendAsync(mallory, bob);
            await BefriendAsync(mallory, cat);
            var group = await GroupAsync(mallory, Payload, bob, cat);
            await mallory.PostAsync($"/api/chats/{group}/messages", new { text = Payload });
            var demos = (await (await mallory.Context.APIRequest.GetAsync("/api/programs/demo")).JsonAsync())!.Value;
            var appId = demos[0].GetProperty("appId").GetString()!;
            await mallory.PostAsync($"/api/chats/{group}/messages", new { card = new { appId, title = Payload, path = "pages/index/index" } });
            await mallory.PostAsync("/api/moments", new { text = Payload });

            var page = bob.Page;
            await page.GotoAsync("/#/chats");
            await Expect(page.Locator($"[data-chat='{group}'] .chat-title")).ToHaveTextAsync(Payload);
            await page.Locator($"[data-chat='{group}']").ClickAsync();
            await Expect(page.Locator(".top-bar h1")).ToHaveTextAsync(Payload);
            await Expect(page.Locator(".message .bubble").Filter(new() { HasText = Payload })).ToBeVisibleAsync();
            await Expect(page.Locator(".message .sender").First).ToHaveTextAsync(Payload);
            await Expect(page.Locator(".mp-card .mp-card-title")).ToHaveTextAsync(Payload);
            await page.GotoAsync("/#/contacts");
            await Expect(page.Locator(".person strong").Filter(new() { HasText = Payload })).ToBeVisibleAsync();
            await page.GotoAsync("/#/moments");
            await Expect(page.Locator(".moment .moment-text")).ToHaveTextAsync(Payload);
            await Expect(page.Locator(".moment .moment-author")).ToHaveTextAsync(Payload);

            Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
            Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"));
        }, mallory, bob, cat);
    }
}
