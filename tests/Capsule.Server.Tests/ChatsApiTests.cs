using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Capsule.Platform.MiniPrograms;
using static Capsule.Server.Tests.SocialUsers;

namespace Capsule.Server.Tests;

public sealed class ChatsApiTests(CapsuleApiFactory factory) : IClassFixture<CapsuleApiFactory>
{
    private static readonly string s_hello = AppId.FromSeed("demo:hello");

    private async Task<(SocialUser Ann, SocialUser Bob, long Chat)> PairAsync()
    {
        var ann = await SignUpAsync(factory);
        var bob = await SignUpAsync(factory, "Bob");
        await BefriendAsync(ann, bob);
        return (ann, bob, await DirectChatAsync(ann, bob));
    }

    [Fact]
    public async Task A_pair_has_one_direct_chat_and_only_its_members_can_read_or_send()
    {
        var (ann, bob, chat) = await PairAsync();
        Assert.Equal(chat, await DirectChatAsync(bob, ann));
        await SendAsync(ann, chat, new { text = "hi Bob" });

        var eve = await SignUpAsync(factory, "Eve");
        await ProblemAsync(await eve.Client.GetAsync($"/api/chats/{chat}/messages"), HttpStatusCode.NotFound);
        await ProblemAsync(await eve.Client.GetAsync($"/api/chats/{chat}"), HttpStatusCode.NotFound);
        await ProblemAsync(await eve.Client.PostAsJsonAsync($"/api/chats/{chat}/messages", new { text = "let me in" }), HttpStatusCode.NotFound);
        await ProblemAsync(await eve.Client.PostAsJsonAsync($"/api/chats/{chat}/read", new { messageId = 1 }), HttpStatusCode.NotFound);
        var sync = await eve.Client.GetFromJsonAsync<JsonElement>("/api/chats/sync?after=0");
        Assert.Empty(sync.GetProperty("messages").EnumerateArray());

        var page = await bob.Client.GetFromJsonAsync<JsonElement>($"/api/chats/{chat}/messages");
        var message = page.GetProperty("messages")[0];
        Assert.Equal("hi Bob", message.GetProperty("text").GetString());
        Assert.Equal("Ann", message.GetProperty("senderNickname").GetString());
        var list = await bob.Client.GetFromJsonAsync<JsonElement>("/api/chats");
        Assert.Equal("Ann", list[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task History_pages_backwards_and_catches_up_after_an_id()
    {
        var (ann, bob, chat) = await PairAsync();
        var ids = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await SendAsync(i % 2 == 0 ? ann : bob, chat, new { text = $"m{i}" })).GetProperty("id").GetInt64());
        }
        var newest = await bob.Client.GetFromJsonAsync<JsonElement>($"/api/chats/{chat}/messages?limit=3");
        Assert.Equal(["m4", "m5", "m6"], Texts(newest));
        Assert.True(newest.GetProperty("hasMore").GetBoolean());
        var older = await bob.Client.GetFromJsonAsync<JsonElement>($"/api/chats/{chat}/messages?limit=3&before={ids[4]}");
        Assert.Equal(["m1", "m2", "m3"], Texts(older));
        var oldest = await bob.Client.GetFromJsonAsync<JsonElement>($"/api/chats/{chat}/messages?limit=3&before={ids[1]}");
        Assert.Equal(["m0"], Texts(oldest));
        Assert.False(oldest.GetProperty("hasMore").GetBoolean());

        var after = await bob.Client.GetFromJsonAsync<JsonElement>($"/api/chats/{chat}/messages?after={ids[4]}");
        Assert.Equal(["m5", "m6"], Texts(after));
        var sync = await bob.Client.GetFromJsonAsync<JsonElement>($"/api/chats/sync?after={ids[5]}");
        Assert.Equal(["m6"], Texts(sync));
        await ProblemAsync(await bob.Client.GetAsync($"/api/chats/{chat}/messages?limit=101"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unread_counts_others_messages_after_the_last_read_one()
    {
        var (ann, bob, chat) = await PairAsync();
        var first = await SendAsync(ann, chat, new { text = "one" });
        await SendAsync(ann, chat, new { text = "two" });
        await SendAsync(bob, chat, new { text = "mine" });
        Assert.Equal(2, await UnreadAsync(bob, chat));
        Assert.Equal(1, await UnreadAsync(ann, chat));

        var read = await bob.Client.PostAsJsonAsync($"/api/chats/{chat}/read", new { messageId = first.GetProperty("id").GetInt64() });
        Assert.Equal(1, (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unread").GetInt32());
        await bob.Client.PostAsJsonAsync($"/api/chats/{chat}/read", new { messageId = 0 });
        Assert.Equal(1, await UnreadAsync(bob, chat));
        await bob.Client.PostAsJsonAsync($"/api/chats/{chat}/read", new { messageId = long.MaxValue });
        Assert.Equal(0, await UnreadAsync(bob, chat));
    }

    [Fact]
    public async Task A_repeated_client_id_answers_the_first_message_instead_of_sending_twice()
    {
        var (ann, bob, chat) = await PairAsync();
        var first = await ann.Client.PostAsJsonAsync($"/api/chats/{chat}/messages", new { clientId = "c-1", text = "once" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var again = await ann.Client.PostAsJsonAsync($"/api/chats/{chat}/messages", new { clientId = "c-1", text = "once" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64(),
            (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        Assert.Single(Texts(await bob.Client.GetFromJsonAsync<JsonElement>($"/api/chats/{chat}/messages")));
    }

    [Fact]
    public async Task Bad_messages_are_refused_with_a_reason()
    {
        var (ann, _, chat) = await PairAsync();
        async Task<string> RefusedAsync(object body) =>
            (await ProblemAsync(await ann.Client.PostAsJsonAsync($"/api/chats/{chat}/messages", body), HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!;

        Assert.Contains("characters", await RefusedAsync(new { text = "   " }));
        Assert.Contains("characters", await RefusedAsync(new { text = new string('x', 4001) }));
        Assert.Contains("either", await RefusedAsync(new { }));
        Assert.Contains("released", await RefusedAsync(new { card = new { appId = "wx0000000000000000", title = "t", path = "pages/index/index" } }));
        Assert.Contains("title", await RefusedAsync(new { card = new { appId = s_hello, title = new string('t', 129), path = "pages/index/index" } }));
        Assert.Contains("path", await RefusedAsync(new { card = new { appId = s_hello, title = "t", path = "javascript:alert(1)" } }));
        Assert.Contains("path", await RefusedAsync(new { card = new { appId = s_hello, title = "t", path = "pages/" + new string('a', 1024) } }));
        Assert.Contains("image", await RefusedAsync(new { card = new { appId = s_hello, title = "t", path = "pages/index/index", imageUrl = "javascript:alert(1)" } }));
        Assert.Contains("image", await RefusedAsync(new { card = new { appId = s_hello, title = "t", path = "pages/index/index", imageUrl = "data:image/png;base64,AAAA" } }));
        Assert.Contains("image", await RefusedAsync(new { card = new { appId = s_hello, title = "t", path = "pages/index/index", imageUrl = "http://img.example/a.png" } }));
    }

    [Fact]
    public async Task A_card_carries_the_program_name_and_a_share_ticket_only_in_groups()
    {
        var (ann, bob, chat) = await PairAsync();
        var direct = await SendAsync(ann, chat, new { card = new { appId = s_hello, title = "Fruit", path = "/pages/index/index?fruit=kiwi", imageUrl = "https://img.example/kiwi.png" } });
        var card = direct.GetProperty("card");
        Assert.Equal("card", direct.GetProperty("kind").GetString());
        Assert.Equal("Hello Capsule", card.GetProperty("name").GetString());
        Assert.Equal("pages/index/index?fruit=kiwi", card.GetProperty("path").GetString());
        Assert.Equal(JsonValueKind.Null, card.GetProperty("shareTicket").ValueKind);

        var group = await GroupAsync(ann, "Fruit fans", bob);
        var inGroup = await SendAsync(ann, group, new { card = new { appId = s_hello, title = "Fruit", path = "pages/index/index" } });
        Assert.Matches("^[A-Za-z0-9_-]{32}$", inGroup.GetProperty("card").GetProperty("shareTicket").GetString());
        Assert.Equal(JsonValueKind.Null, inGroup.GetProperty("card").GetProperty("imageUrl").ValueKind);
    }

    [Fact]
    public async Task Groups_are_created_renamed_and_change_members_by_the_rules()
    {
        var ann = await SignUpAsync(factory);
        var bob = await SignUpAsync(factory, "Bob");
        var cat = await SignUpAsync(factory, "Cat");
        var stranger = await SignUpAsync(factory, "Stranger");
        await BefriendAsync(ann, bob);
        await BefriendAsync(ann, cat);

        await ProblemAsync(await ann.Client.PostAsJsonAsync("/api/chats/groups", new { name = "G", memberIds = new[] { stranger.Id } }), HttpStatusCode.Forbidden);
        await ProblemAsync(await ann.Client.PostAsJsonAsync("/api/chats/groups", new { name = " ", memberIds = new[] { bob.Id } }), HttpStatusCode.BadRequest);
        var group = await GroupAsync(ann, "Hikers", bob);

        var renamed = await bob.Client.PutAsJsonAsync($"/api/chats/{group}/name", new { name = "Hill walkers" });
        Assert.Equal("Hill walkers", (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        await ProblemAsync(await stranger.Client.PutAsJsonAsync($"/api/chats/{group}/name", new { name = "Mine" }), HttpStatusCode.NotFound);

        await ProblemAsync(await bob.Client.PostAsJsonAsync($"/api/chats/{group}/members", new { userIds = new[] { cat.Id } }), HttpStatusCode.Forbidden);
        var added = await ann.Client.PostAsJsonAsync($"/api/chats/{group}/members", new { userIds = new[] { cat.Id } });
        Assert.Equal(3, (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("members").GetArrayLength());
        Assert.Equal("Hill walkers", (await cat.Client.GetFromJsonAsync<JsonElement>("/api/chats"))[0].GetProperty("title").GetString());

        await ProblemAsync(await bob.Client.DeleteAsync($"/api/chats/{group}/members/{cat.Id}"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await ann.Client.DeleteAsync($"/api/chats/{group}/members/{cat.Id}")).StatusCode);
        await ProblemAsync(await cat.Client.GetAsync($"/api/chats/{group}/messages"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await bob.Client.DeleteAsync($"/api/chats/{group}/members/{bob.Id}")).StatusCode);
        Assert.Empty((await bob.Client.GetFromJsonAsync<JsonElement>("/api/chats")).EnumerateArray());

        Assert.Equal(HttpStatusCode.OK, (await ann.Client.DeleteAsync($"/api/chats/{group}/members/{ann.Id}")).StatusCode);
        await ProblemAsync(await ann.Client.GetAsync($"/api/chats/{group}"), HttpStatusCode.NotFound);
    }

    private static async Task<int> UnreadAsync(SocialUser user, long chat) =>
        (await user.Client.GetFromJsonAsync<JsonElement>("/api/chats")).EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == chat).GetProperty("unread").GetInt32();

    private static string[] Texts(JsonElement page) => [.. page.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()!)];
}
