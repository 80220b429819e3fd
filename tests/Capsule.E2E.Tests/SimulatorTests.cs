using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>
/// The runtime, driven through <c>capsule dev</c>'s window.capsule (DESIGN.md interface 3) on the
/// runtime-basics fixture: events, setData, components, two-way binding, navigation, storage, errors,
/// the sandbox's missing network, and a program that never returns.
/// </summary>
public sealed class SimulatorTests(CapsuleFixture fixture, RuntimeBasicsSimulator simulator) : BrowserTest(fixture), IClassFixture<RuntimeBasicsSimulator>
{
    private async Task<IFrameLocator> OpenAsync(IPage page)
    {
        await page.GotoAsync(simulator.Url + "/");
        await page.EvaluateAsync("() => capsule.ready");
        return page.FrameLocator(".sim-screen iframe");
    }

    private static async Task<JsonElement> DataAsync(IPage page, string script = "")
    {
        var result = await page.EvaluateAsync($"async () => {{ {script}; return capsule.data(); }}");
        return result!.Value;
    }

    [Fact]
    public Task Ready_settles_on_the_entry_page_with_its_initial_data() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        Assert.Equal("pages/index/index", await page.EvaluateAsync<string>("() => capsule.route()"));
        Assert.Equal(0, (await DataAsync(page)).GetProperty("count").GetInt32());
        await Expect(page.Locator(".sim-title")).ToHaveTextAsync("Home");
        await Expect(view.Locator("#count")).ToHaveTextAsync("0");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => capsule.errors.length"));
    });

    [Fact]
    public Task A_tap_runs_the_handler_with_its_dataset_and_only_the_patch_reaches_the_view() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        var first = await view.Locator("wx-view.item").First.ElementHandleAsync();
        var data = await DataAsync(page, "await capsule.tap('#inc')");
        Assert.Equal(2, data.GetProperty("count").GetInt32());
        await Expect(view.Locator("#count")).ToHaveTextAsync("2");
        await Expect(view.Locator("wx-view.item")).ToHaveTextAsync(["a2", "b"]);
        Assert.True(await first.EvaluateAsync<bool>("e => e.isConnected"), "a path into a list item keeps the item's element");
        await DataAsync(page, "await capsule.tap('#inc')");
        await Expect(view.Locator("wx-view.item")).ToHaveTextAsync(["a4", "b"]);
    });

    [Fact]
    public Task Catch_stops_bubbling_and_bubbling_taps_carry_target_and_mark() => WithPageAsync(async page =>
    {
        await OpenAsync(page);
        var caught = await DataAsync(page, "await capsule.tap('#inner')");
        Assert.True(caught.GetProperty("inner").GetBoolean());
        Assert.False(caught.TryGetProperty("outer", out _));
        var bubbled = await DataAsync(page, "await capsule.tap('#bubbler')");
        Assert.Equal("bubbler", bubbled.GetProperty("outer").GetString());
        Assert.Equal("bubbler", bubbled.GetProperty("mark").GetString());
    });

    [Fact]
    public Task A_custom_component_gets_properties_runs_observers_takes_external_classes_fills_its_slot_and_raises_events() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await Expect(view.Locator("[class*='--card-title']")).ToHaveTextAsync("Card");
        await Expect(view.Locator("[class*='--card-title']")).ToHaveCSSAsync("color", "rgb(255, 0, 0)");
        await Expect(view.Locator("[class$='--seen']")).ToHaveTextAsync("seen Card");
        await Expect(view.Locator("[class*='--card-title']")).ToHaveCSSAsync("font-size", "30px");
        await Expect(view.Locator("wx-text.slotted")).ToHaveTextAsync("slot 0");
        await Expect(view.Locator("wx-text.slotted")).ToBeVisibleAsync();
        var data = await DataAsync(page, "await capsule.tap('[class$=\"--pick\"]')");
        Assert.Equal("picked 1", data.GetProperty("picked").GetString());
        await Expect(view.Locator(".picked")).ToHaveTextAsync("picked 1");
    });

    [Fact]
    public Task Model_value_writes_typed_text_back_into_page_data() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await view.Locator("#name input").FillAsync("Ada");
        await Expect(view.Locator("wx-view.name")).ToHaveTextAsync("Ada");
        Assert.Equal("Ada", (await DataAsync(page)).GetProperty("name").GetString());
    });

    [Fact]
    public Task Navigation_follows_WeChat_rules_for_the_stack_and_tab_pages() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        var detail = await DataAsync(page, "await capsule.navigateTo('/pages/detail/detail?id=42')");
        Assert.Equal("42", detail.GetProperty("id").GetString());
        Assert.Equal(2, detail.GetProperty("pages").GetInt32());
        Assert.Equal("pages/detail/detail", await page.EvaluateAsync<string>("() => capsule.route()"));
        var refused = await page.EvaluateAsync<string>("() => capsule.navigateTo('/pages/me/me').then(() => 'ok', e => e.message)");
        Assert.Equal("navigateTo:fail can not navigateTo a tabbar page", refused);
        await page.EvaluateAsync("() => capsule.navigateBack()");
        Assert.Equal("pages/index/index", await page.EvaluateAsync<string>("() => capsule.route()"));
        await Expect(view.Locator(".capsule-tab[aria-selected=true]")).ToHaveTextAsync("Home");
    });

    [Fact]
    public Task Storage_written_on_one_page_is_read_on_a_tab_page() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.tap('#inc')");
        await view.GetByRole(AriaRole.Tab, new() { Name = "Me", Exact = true }).ClickAsync();
        await Expect(view.Locator("wx-view.me")).ToHaveTextAsync("me 2");
        Assert.Equal("pages/me/me", await page.EvaluateAsync<string>("() => capsule.route()"));
    });

    [Fact]
    public Task An_uncaught_error_is_reported_and_the_program_keeps_running() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.reLaunch('/pages/crash/crash')");
        await page.EvaluateAsync("() => capsule.tap('#boom')");
        await page.WaitForFunctionAsync("() => capsule.errors.some(e => e.includes('Error: kaboom'))");
        await Expect(view.Locator(".after")).ToHaveTextAsync("shown");
    });

    [Fact]
    public Task Program_code_has_no_network_of_its_own() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.navigateTo('/pages/net/net')");
        await Expect(view.Locator(".net")).ToHaveTextAsync("blocked");
    });

    [Fact]
    public Task An_endless_loop_is_stopped_within_five_seconds_and_the_host_stays_responsive() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.reLaunch('/pages/loop/loop')");
        await page.EvaluateAsync("() => { capsule.tap('#spin'); }");
        await Expect(view.Locator(".capsule-not-responding")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        Assert.Equal(2, await page.EvaluateAsync<int>("() => 1 + 1"));
        Assert.Contains(await page.EvaluateAsync<string[]>("() => capsule.errors"), e => e.Contains("not responding"));
    });

    [Fact]
    public Task A_selector_query_measures_nodes_in_the_view_and_setBackgroundColor_paints_the_page() => WithPageAsync(async page =>
    {
        await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.navigateTo('/pages/query/query')");
        await page.WaitForFunctionAsync("() => capsule.data().width !== undefined");
        var data = await DataAsync(page);
        Assert.Equal(data.GetProperty("half").GetDouble(), data.GetProperty("width").GetDouble(), 1);
        Assert.Equal(50, data.GetProperty("height").GetDouble(), 1);
        Assert.Equal("box", data.GetProperty("kind").GetString());
        Assert.Equal(0, data.GetProperty("scrollTop").GetDouble());
        var view = page.FrameLocator(".sim-screen iframe");
        await Expect(view.Locator(".capsule-page[data-route='pages/query/query']")).ToHaveCSSAsync("background-color", "rgb(255, 0, 0)");
    });

    [Fact]
    public Task NavigateTo_events_open_a_channel_between_the_two_pages() => WithPageAsync(async page =>
    {
        await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.tap('#open')");
        await page.WaitForFunctionAsync("() => capsule.route() === 'pages/detail/detail' && capsule.data().greeting === 'hi'");
        await page.EvaluateAsync("() => capsule.navigateBack()");
        Assert.Equal("7", (await DataAsync(page)).GetProperty("opened").GetString());
    });

    [Fact]
    public Task Pulling_the_page_down_calls_onPullDownRefresh() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.navigateTo('/pages/refresh/refresh')");
        var box = (await page.Locator(".sim-screen iframe").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + 100, box.Y + 20);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + 100, box.Y + 60, new() { Steps = 4 });
        await page.Mouse.MoveAsync(box.X + 100, box.Y + 140, new() { Steps = 4 });
        await page.Mouse.UpAsync();
        await Expect(view.Locator(".refreshed")).ToHaveTextAsync("1");
        await Expect(view.Locator(".capsule-pull-down")).ToBeHiddenAsync();
    });

    [Fact]
    public Task Images_from_the_program_package_load_by_relative_and_absolute_path() => WithPageAsync(async page =>
    {
        await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.navigateTo('/pages/media/media')");
        await page.WaitForFunctionAsync("() => capsule.data().width !== undefined && capsule.data().error !== undefined");
        var data = await DataAsync(page);
        Assert.Equal(2, data.GetProperty("width").GetInt32());
        Assert.Equal(1, data.GetProperty("height").GetInt32());
        Assert.Contains("/images/none.png", data.GetProperty("error").GetString());
    });

    [Fact]
    public Task A_subpackage_is_fetched_on_first_navigation_with_its_styles() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.navigateTo('/more/extra/extra')");
        Assert.Equal("more/extra/extra", await page.EvaluateAsync<string>("() => capsule.route()"));
        await Expect(view.Locator(".sub")).ToHaveTextAsync("from a subpackage");
        await Expect(view.Locator(".sub")).ToHaveCSSAsync("color", "rgb(0, 0, 255)");
    });
}
