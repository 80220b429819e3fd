using System.Text.Json;
using System.Text.RegularExpressions;
using Capsule.E2E.Tests.Pages;
using Capsule.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>Search, QR codes and the scanner, the Discover bar, the pull-down panel, Display on Top and Add to Home Screen.</summary>
public sealed partial class ReachTests(CapsuleFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Search_finds_a_program_by_its_exact_name_only_and_opens_it_with_scene_1005() => WithUserAsync(async (page, _) =>
    {
        await page.GotoAsync("/#/chats");
        await page.Locator(".top-actions [data-action='search']").ClickAsync();
        var box = page.GetByRole(AriaRole.Searchbox);
        await box.FillAsync("Hello Capsul");
        await box.PressAsync("Enter");
        await Expect(page.Locator(".search-none")).ToHaveTextAsync("No mini program has exactly this name.");

        await box.FillAsync("hello  CAPSULE");
        await box.PressAsync("Enter");
        await page.Locator(".search-result").Filter(new() { HasText = "Hello Capsule" }).ClickAsync();
        var appId = await ReachPages.DemoAppIdAsync(page, "Hello Capsule");
        await new ReachPages(page).WaitForProgramAsync(appId);
        Assert.EndsWith("scene=1005", page.Url);
        await Expect(new ReachPages(page).ShownView.Locator("wx-text.title")).ToHaveTextAsync("Hello, Capsule!");
    });

    [Fact]
    public Task A_programs_qr_code_picked_as_an_image_opens_it_with_scene_1049_and_outside_the_app_shows_only_a_notice() => WithUserAsync(async (page, _) =>
    {
        var appId = await ReachPages.DemoAppIdAsync(page, "Hello Capsule");
        var code = await page.APIRequest.GetAsync($"/api/programs/{appId}/code");
        Assert.Equal(200, code.Status);
        var link = code.Headers["capsule-link"];
        using var dir = new TempDirectory();
        var png = dir.Combine("code.png");
        await File.WriteAllBytesAsync(png, await code.BodyAsync());

        await page.GotoAsync("/#/discover");
        await page.Locator("[data-entry='scan']").ClickAsync();
        await page.Locator(".scanner-file").SetInputFilesAsync(png);
        var reach = new ReachPages(page);
        await reach.WaitForProgramAsync(appId);
        Assert.EndsWith("scene=1049", page.Url);
        await Expect(page.Locator(".scanner")).ToHaveCountAsync(0);

        await using var outsider = await NewContextAsync();
        var browser = await outsider.NewPageAsync();
        await browser.GotoAsync(link);
        await Expect(browser.Locator("h1")).ToHaveTextAsync("Open this with Capsule");
        await Expect(browser.Locator("iframe")).ToHaveCountAsync(0);
        Assert.DoesNotContain("Hello", await browser.ContentAsync());
    });

    [Fact]
    public Task A_persons_code_picked_as_an_image_leads_to_adding_them_as_a_contact() => WithUserAsync(async (page, _) =>
    {
        using var dir = new TempDirectory();
        var png = dir.Combine("other.png");
        var other = await page.APIRequest.GetAsync("/api/codes/me");
        await File.WriteAllBytesAsync(png, await other.BodyAsync());
        await page.GotoAsync("/#/discover");
        await page.Locator("[data-entry='scan']").ClickAsync();
        await page.Locator(".scanner-file").SetInputFilesAsync(png);
        // A person's code leads to adding them as a contact (that page belongs to Contacts).
        await Expect(page).ToHaveURLAsync(new Regex("#/contacts/add\\?id="));
    });

    [Fact]
    public Task Discover_shows_mini_programs_after_the_first_one_with_recent_and_my_lists() => WithUserAsync(async (page, _) =>
    {
        var reach = new ReachPages(page);
        var hello = await ReachPages.DemoAppIdAsync(page, "Hello Capsule");
        var todo = await ReachPages.DemoAppIdAsync(page, "Todo");
        await page.GotoAsync("/#/discover");
        await Expect(page.Locator("[data-entry='moments']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-entry='mini-programs']")).ToBeHiddenAsync();

        foreach (var appId in new[] { hello, todo })
        {
            await page.GotoAsync($"/#/mp/{appId}?scene=1001");
            await reach.WaitForProgramAsync(appId);
            await reach.MenuAndSaveAsync("add-mine");
        }
        await page.GotoAsync("/#/discover");
        await page.Locator("[data-entry='mini-programs']").ClickAsync();
        var recent = page.Locator("[data-list='recent'] li");
        var mine = page.Locator("[data-list='mine'] li");
        await Expect(recent).ToHaveCountAsync(2);
        Assert.Equal([todo, hello], await recent.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.appid)"));
        Assert.Equal([hello, todo], await mine.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.appid)"));

        await mine.Nth(1).GetByRole(AriaRole.Button, new() { Name = "Move Todo up" }).ClickAsync();
        await Expect(mine.First).ToHaveAttributeAsync("data-appid", todo);
        await mine.Nth(1).DragToAsync(mine.First);
        await Expect(mine.First).ToHaveAttributeAsync("data-appid", hello);

        await recent.First.GetByRole(AriaRole.Button, new() { Name = "Remove Todo" }).ClickAsync();
        await Expect(recent).ToHaveCountAsync(1);
        await mine.First.GetByRole(AriaRole.Button, new() { Name = "Remove Hello Capsule" }).ClickAsync();
        await Expect(mine).ToHaveCountAsync(1);

        await mine.First.Locator("a").ClickAsync();
        await reach.WaitForProgramAsync(todo);
        Assert.EndsWith("scene=1103", page.Url);
    });

    [Fact]
    public Task The_first_program_opened_runs_in_the_container_the_shell_loaded_ahead_once_it_started() => WithUserAsync(async (page, _) =>
    {
        var reach = new ReachPages(page);
        var todo = await ReachPages.DemoAppIdAsync(page, "Todo");
        await page.GotoAsync("/#/chats");
        var ahead = page.Locator(".program-layer .program-spare[hidden] iframe");
        await Expect(ahead).ToHaveAttributeAsync("sandbox", "allow-scripts");
        var aheadFrame = await (await ahead.ElementHandleAsync()).ContentFrameAsync();
        await aheadFrame!.WaitForFunctionAsync("() => performance.getEntriesByName('capsule:container-start').length > 0");
        await aheadFrame.EvaluateAsync("() => (window.loadedAhead = true)");

        await page.EvaluateAsync($"() => (location.hash = '#/mp/{todo}')");
        await reach.WaitForProgramAsync(todo);
        var shown = await (await reach.Shown.Locator("iframe.mp-container").ElementHandleAsync()).ContentFrameAsync();
        Assert.True(await shown!.EvaluateAsync<bool>("() => window.loadedAhead === true"));
    });

    [Fact]
    public Task Re_enter_starts_the_program_afresh_in_the_sandboxed_container_loaded_ahead() => WithUserAsync(async (page, _) =>
    {
        var reach = new ReachPages(page);
        var todo = await ReachPages.DemoAppIdAsync(page, "Todo");
        await page.GotoAsync($"/#/mp/{todo}");
        await reach.WaitForProgramAsync(todo);
        await reach.ShownView.Locator(".new-title input").FillAsync("Half-typed task");

        // Once a program is open the shell loads the next container ahead, hidden, holding no program.
        var ahead = page.Locator(".program-layer .program-spare[hidden] iframe");
        await Expect(ahead).ToHaveAttributeAsync("sandbox", "allow-scripts");
        var aheadFrame = await (await ahead.ElementHandleAsync()).ContentFrameAsync();
        await aheadFrame!.WaitForFunctionAsync("() => performance.getEntriesByName('capsule:container-start').length > 0");
        await aheadFrame.EvaluateAsync("() => (window.loadedAhead = true)");

        await reach.MenuAsync("re-enter");
        await reach.WaitForProgramAsync(todo);
        await Expect(reach.ShownView.Locator(".new-title input")).ToHaveValueAsync("");
        var shown = await (await reach.Shown.Locator("iframe.mp-container").ElementHandleAsync()).ContentFrameAsync();
        Assert.True(await shown!.EvaluateAsync<bool>("() => window.loadedAhead === true"));
        Assert.Equal("null", await shown.EvaluateAsync<string>("() => self.origin"));
        await Expect(reach.Shown.Locator("iframe.mp-container")).ToHaveAttributeAsync("sandbox", "allow-scripts");
    });

    [Fact]
    public Task A_program_displayed_on_top_resumes_from_chats_exactly_as_it_was_left() => WithUserAsync(async (page, _) =>
    {
        var reach = new ReachPages(page);
        var todo = await ReachPages.DemoAppIdAsync(page, "Todo");
        await page.GotoAsync("/#/chats");
        await page.GotoAsync($"/#/mp/{todo}");
        await reach.WaitForProgramAsync(todo);
        await reach.ShownView.Locator(".new-title input").FillAsync("Half-typed task");
        await reach.MenuAndSaveAsync("pin");
        await reach.CloseProgramAsync();

        await Expect(page).ToHaveURLAsync(new Regex("#/chats$"));
        await Expect(reach.Shown).ToHaveCountAsync(0);
        var pinned = page.Locator($".pinned-programs [data-appid='{todo}'] a");
        await pinned.ClickAsync();
        await reach.WaitForProgramAsync(todo);
        Assert.EndsWith("scene=1022", page.Url);
        await Expect(reach.ShownView.Locator(".new-title input")).ToHaveValueAsync("Half-typed task");

        await reach.MenuAndSaveAsync("unpin");
        await reach.CloseProgramAsync();
        await Expect(page.Locator(".pinned-programs li")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Pulling_chats_down_with_the_wheel_shows_the_programs_panel_and_scrolling_back_closes_it() => WithUserAsync(async (page, _) =>
    {
        var reach = new ReachPages(page);
        var hello = await ReachPages.DemoAppIdAsync(page, "Hello Capsule");
        await page.GotoAsync($"/#/mp/{hello}");
        await reach.WaitForProgramAsync(hello);
        await reach.CloseProgramAsync();

        var panel = page.Locator(".programs-panel");
        await Expect(panel).ToHaveAttributeAsync("data-open", "false");
        await page.Locator(".tab-content").HoverAsync();
        await page.Mouse.WheelAsync(0, -200);
        await Expect(panel).ToHaveAttributeAsync("data-open", "true");
        await Expect(panel.Locator($"[data-list='recent'] li[data-appid='{hello}']")).ToBeVisibleAsync();
        await page.Locator(".tab-content").HoverAsync();
        await page.Mouse.WheelAsync(0, 200);
        await Expect(panel).ToHaveAttributeAsync("data-open", "false");

        await page.Mouse.WheelAsync(0, -200);
        await panel.Locator($"[data-list='recent'] li[data-appid='{hello}'] a").ClickAsync();
        await reach.WaitForProgramAsync(hello);
        Assert.EndsWith("scene=1089", page.Url);
    });

    [Fact]
    public Task A_touch_swipe_down_on_chats_opens_the_programs_panel_and_a_swipe_up_closes_it() => WithUserAsync(async (page, _) =>
    {
        var reach = new ReachPages(page);
        var hello = await ReachPages.DemoAppIdAsync(page, "Hello Capsule");
        await page.GotoAsync($"/#/mp/{hello}");
        await reach.WaitForProgramAsync(hello);
        await reach.CloseProgramAsync();

        var panel = page.Locator(".programs-panel");
        var swipe = "([el, from, to]) => { const touch = (y) => new Touch({ identifier: 1, target: el, clientX: 200, clientY: y });"
            + " el.dispatchEvent(new TouchEvent('touchstart', { touches: [touch(from)], changedTouches: [touch(from)], bubbles: true }));"
            + " el.dispatchEvent(new TouchEvent('touchmove', { touches: [touch(to)], changedTouches: [touch(to)], bubbles: true }));"
            + " el.dispatchEvent(new TouchEvent('touchend', { touches: [], changedTouches: [touch(to)], bubbles: true })); }";
        var chats = await page.Locator(".tab-content").ElementHandleAsync();
        await page.EvaluateAsync(swipe, new object[] { chats, 150, 300 });
        await Expect(panel).ToHaveAttributeAsync("data-open", "true");
        await Expect(panel.Locator($"[data-list='recent'] li[data-appid='{hello}']")).ToBeVisibleAsync();
        await page.EvaluateAsync(swipe, new object[] { await panel.ElementHandleAsync(), 300, 150 });
        await Expect(panel).ToHaveAttributeAsync("data-open", "false");
    });

    [Fact]
    public Task Add_to_home_screen_leads_to_a_page_with_the_programs_own_manifest() => WithUserAsync(async (page, _) =>
    {
        var reach = new ReachPages(page);
        var hello = await ReachPages.DemoAppIdAsync(page, "Hello Capsule");
        await page.GotoAsync($"/#/mp/{hello}");
        await reach.WaitForProgramAsync(hello);
        await reach.MenuAsync("home-screen");
        var install = page.Locator(".sheet a[href^='/home/']");
        await Expect(install).ToHaveAttributeAsync("href", $"/home/{hello}");

        await page.GotoAsync($"/home/{hello}");
        var manifestUrl = await page.Locator("link[rel='manifest']").GetAttributeAsync("href");
        var manifest = JsonDocument.Parse(await (await page.APIRequest.GetAsync(manifestUrl!)).TextAsync()).RootElement;
        Assert.Equal($"/#/mp/{hello}?scene=1023", manifest.GetProperty("start_url").GetString());
        Assert.Equal("standalone", manifest.GetProperty("display").GetString());

        await page.Locator("a.open").ClickAsync();
        await reach.WaitForProgramAsync(hello);
        Assert.EndsWith("scene=1023", page.Url);
    });

    [Fact]
    public Task About_shows_the_programs_profile_and_qr_code_and_feedback_is_sent() => WithUserAsync(async (page, _) =>
    {
        var reach = new ReachPages(page);
        var hello = await ReachPages.DemoAppIdAsync(page, "Hello Capsule");
        await page.GotoAsync($"/#/mp/{hello}");
        await reach.WaitForProgramAsync(hello);
        await reach.MenuAsync("about");
        await Expect(page.Locator(".about h2")).ToHaveTextAsync("Hello Capsule");
        await Expect(page.Locator($".about img[src*='/api/programs/{hello}/code']")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");

        await reach.MenuAsync("feedback");
        await page.Locator(".feedback-form textarea").FillAsync("Please add bananas");
        await page.Locator(".feedback-form [data-action='send']").ClickAsync();
        await Expect(page.Locator(".feedback-form [role='status']")).ToHaveTextAsync("Thank you. The developer will read it.");
    });
}
