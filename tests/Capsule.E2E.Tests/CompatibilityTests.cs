using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>The compat-patterns fixture: small pages reproducing what real open-source programs do.</summary>
public sealed class CompatPatternsSimulator() : SimulatorFixture(Fixture("compat-patterns"));

/// <summary>
/// Patterns found by running real WeChat programs from public repositories in <c>capsule dev</c>
/// (docs/compatibility.md, "Real programs tried"), each reduced to a page of its own.
/// </summary>
public sealed class CompatibilityTests(CapsuleFixture fixture, CompatPatternsSimulator simulator, TodoSimulator todo) : BrowserTest(fixture), IClassFixture<CompatPatternsSimulator>, IClassFixture<TodoSimulator>
{
    private async Task OpenAsync(IPage page, string path = "")
    {
        await page.GotoAsync(simulator.Url + "/");
        await page.EvaluateAsync("() => capsule.ready");
        if (path.Length > 0)
        {
            await page.EvaluateAsync("url => capsule.reLaunch(url)", path);
        }
    }

    [Fact]
    public Task A_promise_librarys_look_alike_rejection_event_is_not_reported_as_an_error() => WithPageAsync(async page =>
    {
        await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.tap('#rejection')");
        await page.WaitForFunctionAsync("() => capsule.errors.some(e => e.includes('real rejection'))");
        var errors = await page.EvaluateAsync<string[]>("() => capsule.errors");
        Assert.Equal(["Error: real rejection"], errors.Select(e => e.Split('\n')[0]));
    });

    [Fact]
    public Task A_page_whose_module_throws_fails_the_navigation_with_the_modules_error_and_the_current_page_stays() => WithPageAsync(async page =>
    {
        await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.tap('#broken')");
        await page.WaitForFunctionAsync("() => capsule.data().failed !== ''");
        var failed = await page.EvaluateAsync<string>("() => capsule.data().failed");
        Assert.StartsWith("navigateTo:fail module \"../../utils/missing.js\" required from \"pages/broken/broken.js\" is not defined", failed);
        Assert.Equal("pages/index/index", await page.EvaluateAsync<string>("() => capsule.route()"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => capsule.data().hides"));
        var errors = await page.EvaluateAsync<string[]>("() => capsule.errors");
        Assert.StartsWith("Error: module \"../../utils/missing.js\"", Assert.Single(errors));
    });

    [Fact]
    public Task An_uncaught_api_failure_is_reported_with_its_errMsg() => WithPageAsync(async page =>
    {
        await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.tap('#broken-uncaught')");
        await page.WaitForFunctionAsync("() => capsule.errors.length === 2");
        var errors = await page.EvaluateAsync<string[]>("() => capsule.errors");
        Assert.StartsWith("{\"errMsg\":\"navigateTo:fail module", errors[1]);
    });

    [Fact]
    public Task Without_style_v2_buttons_have_wechats_original_full_width_look() => WithPageAsync(async page =>
    {
        await OpenAsync(page, "/pages/buttons/buttons");
        var view = page.FrameLocator(".sim-screen iframe");
        var screen = await view.Locator(".capsule-page").First.BoundingBoxAsync();
        var button = await view.Locator("#default").BoundingBoxAsync();
        Assert.Equal(screen!.Width, button!.Width, 1);
        await Expect(view.Locator("#default")).ToHaveCSSAsync("background-color", "rgb(248, 248, 248)");
        await Expect(view.Locator("#primary")).ToHaveCSSAsync("background-color", "rgb(26, 173, 25)");
        await Expect(view.Locator("#mini")).ToHaveCSSAsync("display", "inline-block");
    });

    [Fact]
    public Task Fields_raise_change_when_they_lose_focus_with_a_changed_value() => WithPageAsync(async page =>
    {
        await OpenAsync(page, "/pages/fields/fields");
        var view = page.FrameLocator(".sim-screen iframe");
        await view.Locator("#title input").ClickAsync();
        await page.Keyboard.TypeAsync("milk");
        Assert.Empty(await page.EvaluateAsync<string[]>("() => capsule.data().title"));
        await view.Locator("#content textarea").ClickAsync();
        await page.WaitForFunctionAsync("() => capsule.data().title.length === 1");
        await page.Keyboard.TypeAsync("two");
        await view.Locator("#title input").ClickAsync();
        await page.WaitForFunctionAsync("() => capsule.data().content.length === 1");
        await view.Locator("#content textarea").ClickAsync();
        await page.Keyboard.TypeAsync(" bottles");
        await view.Locator("#elsewhere").ClickAsync();
        await page.WaitForFunctionAsync("() => capsule.data().content.length === 2");
        Assert.Equal(["milk"], await page.EvaluateAsync<string[]>("() => capsule.data().title"));
        Assert.Equal(["two", "two bottles"], await page.EvaluateAsync<string[]>("() => capsule.data().content"));
    });

    [Fact]
    public Task A_field_given_a_height_centres_its_text_in_it() => WithPageAsync(async page =>
    {
        await OpenAsync(page, "/pages/fields/fields");
        var view = page.FrameLocator(".sim-screen iframe");
        var field = (await view.Locator("#tall").BoundingBoxAsync())!;
        var text = (await view.Locator("#tall input").BoundingBoxAsync())!;
        Assert.Equal(80, text.Height, 1);
        Assert.Equal(field.Y + field.Height / 2, text.Y + text.Height / 2, 1);
    });

    [Fact]
    public Task On_a_tab_page_vh_are_hundredths_of_the_window_above_the_tab_bar() => WithPageAsync(async page =>
    {
        await OpenAsync(page, "/pages/window/window");
        var view = page.FrameLocator(".sim-screen iframe");
        var full = (await view.Locator(".full").BoundingBoxAsync())!;
        var bar = (await view.Locator(".capsule-tab-bar").BoundingBoxAsync())!;
        Assert.Equal(bar.Y, full.Y + full.Height, 1);
        var half = (await view.Locator("#half").BoundingBoxAsync())!;
        Assert.Equal(full.Height / 2, half.Height, 1);
    });

    [Fact]
    public Task Icon_types_of_wechats_first_releases_are_drawn() => WithPageAsync(async page =>
    {
        await OpenAsync(page, "/pages/icons/icons");
        var view = page.FrameLocator(".sim-screen iframe");
        await Expect(view.Locator("#waiting span")).ToHaveTextAsync("◷");
        await Expect(view.Locator("#waiting span")).ToHaveCSSAsync("border-top-color", "rgb(255, 255, 255)");
        await Expect(view.Locator("#circle span")).ToHaveCSSAsync("border-top-color", "rgb(201, 201, 201)");
        await Expect(view.Locator("#safe span")).ToHaveCSSAsync("background-color", "rgb(255, 190, 0)");
        Assert.Equal(25, (await view.Locator("#waiting span").BoundingBoxAsync())!.Width, 1);
    });

    [Fact]
    public Task A_picture_that_fails_to_load_leaves_its_box_empty() => WithPageAsync(async page =>
    {
        await OpenAsync(page, "/pages/images/images");
        await page.WaitForFunctionAsync("() => capsule.data().failed");
        var view = page.FrameLocator(".sim-screen iframe");
        await Expect(view.Locator("#broken img")).ToHaveCSSAsync("visibility", "hidden");
        var box = await view.Locator("#broken").BoundingBoxAsync();
        Assert.Equal(100, box!.Width, 1);
    });

    [Fact]
    public Task Program_code_finds_no_fetch_XMLHttpRequest_WebSocket_or_EventSource_as_in_wechat() => WithPageAsync(async page =>
    {
        await OpenAsync(page, "/pages/network/network");
        Assert.Equal("undefined undefined undefined undefined", await page.EvaluateAsync<string>("() => capsule.data().kinds"));
        await page.EvaluateAsync("() => capsule.tap('#load')");
        await page.WaitForFunctionAsync("() => capsule.errors.length > 0");
        var errors = await page.EvaluateAsync<string[]>("() => capsule.errors");
        Assert.StartsWith("ReferenceError: fetch is not defined", Assert.Single(errors));
        Assert.Equal("none", await page.EvaluateAsync<string>("() => capsule.data().outcome"));
    });

    [Fact]
    public Task GetUserInfo_answers_wechats_anonymous_user_without_asking() => WithPageAsync(async page =>
    {
        await OpenAsync(page, "/pages/user/user");
        await page.WaitForFunctionAsync("() => capsule.data().rawData !== ''");
        var view = page.FrameLocator(".sim-screen iframe");
        await Expect(view.Locator("wx-text.name")).ToHaveTextAsync("微信用户");
        Assert.StartsWith("https://thirdwx.qlogo.cn/mmopen/", await page.EvaluateAsync<string>("() => capsule.data().userInfo.avatarUrl"));
        Assert.True(await page.EvaluateAsync<bool>("() => { const { userInfo, rawData } = capsule.data(); return JSON.stringify(userInfo) === rawData && userInfo.is_demote === true && userInfo.gender === 0; }"));
        Assert.Empty(await page.EvaluateAsync<string[]>("() => capsule.errors"));
    });

    [Fact]
    public Task A_mouse_swipes_touchmove_and_touchend_target_the_element_where_it_began() => WithPageAsync(async page =>
    {
        await OpenAsync(page, "/pages/swipe/swipe");
        var view = page.FrameLocator(".sim-screen iframe");
        var first = (await view.Locator("#first").BoundingBoxAsync())!;
        var last = (await view.Locator("#last").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(last.X + last.Width / 2, last.Y + last.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(first.X + first.Width / 2, first.Y + first.Height / 2, new() { Steps = 4 });
        await page.Mouse.UpAsync();
        await page.WaitForFunctionAsync("() => capsule.data().ended !== ''");
        Assert.Equal("last", await page.EvaluateAsync<string>("() => capsule.data().moved"));
        Assert.Equal("last", await page.EvaluateAsync<string>("() => capsule.data().ended"));
    });

    [Fact]
    public Task With_style_v2_buttons_keep_the_current_look() => WithPageAsync(async page =>
    {
        await page.GotoAsync(todo.Url + "/");
        await page.EvaluateAsync("() => capsule.ready");
        var view = page.FrameLocator(".sim-screen iframe");
        await Expect(view.Locator(".add-button")).ToHaveCSSAsync("background-color", "rgb(7, 193, 96)");
    });

    [Fact]
    public Task A_backslash_n_in_a_text_breaks_the_line_and_in_a_view_is_a_space() => WithPageAsync(async page =>
    {
        await OpenAsync(page, "/pages/text/text");
        var view = page.FrameLocator(".sim-screen iframe");
        await Expect(view.Locator("wx-text.year")).ToHaveJSPropertyAsync("innerText", "2017年\n3月");
        await Expect(view.Locator("wx-view.flat")).ToHaveJSPropertyAsync("innerText", "one two");
    });

    [Fact]
    public Task The_menu_button_rect_is_where_the_capsule_button_floats_over_a_page_that_draws_its_own_navigation_bar() => WithPageAsync(async page =>
    {
        await OpenAsync(page, "/pages/custom-bar/custom-bar");
        await page.WaitForFunctionAsync("() => capsule.data().rect !== null");
        // The page takes the whole phone; the capsule button is over it, where the rect says, in the page's coordinates.
        var drawn = await page.EvaluateAsync<double[]>("""
            () => {
              const phone = document.querySelector('.sim-phone').getBoundingClientRect();
              const frame = document.querySelector('.sim-screen iframe').getBoundingClientRect();
              const button = document.querySelector('.sim-bar .capsule-button').getBoundingClientRect();
              return [frame.top - phone.top, frame.height, phone.height, button.width, button.height, button.top - frame.top, button.right - frame.left, button.bottom - frame.top, button.left - frame.left];
            }
            """);
        var rect = await page.EvaluateAsync<double[]>("() => { const r = capsule.data().rect; return [r.width, r.height, r.top, r.right, r.bottom, r.left]; }");
        Assert.Equal(0, drawn[0]);
        Assert.Equal(drawn[2], drawn[1]);
        Assert.Equal(drawn[3..], rect);
        Assert.Equal([87, 32, 6, 368, 38, 281], rect);
        Assert.True(await page.EvaluateAsync<bool>("() => document.elementFromPoint(...(b => [b.left + 10, b.top + 10])(document.querySelector('.sim-bar .capsule-button').getBoundingClientRect())).closest('.capsule-button') !== null"));
        // Its own bar is as high as ColorUI computes it, under the capsule button.
        var view = page.FrameLocator(".sim-screen iframe");
        Assert.Equal(44, (await view.Locator("wx-custom-bar [class$='--bar']").BoundingBoxAsync())!.Height);
        // No status bar; the window, the screen and the safe area are the whole phone.
        var system = await page.EvaluateAsync<double[]>("() => { const s = capsule.data().system; return [s.statusBarHeight, s.screenWidth, s.screenHeight, s.windowHeight, s.safeArea.top, s.safeArea.bottom, s.safeArea.right, capsule.data().window.screenTop]; }");
        Assert.Equal([0, 375, drawn[1], drawn[1], 0, drawn[1], 375, 0], system);
        Assert.Empty(await page.EvaluateAsync<string[]>("() => capsule.errors"));
    });

    [Fact]
    public Task Leaving_a_page_that_draws_its_own_navigation_bar_gives_the_next_page_the_window_under_the_hosts_bar_without_a_resize() => WithPageAsync(async page =>
    {
        await OpenAsync(page, "/pages/custom-bar/custom-bar");
        await page.WaitForFunctionAsync("() => capsule.data().rect !== null");
        await page.EvaluateAsync("() => capsule.navigateTo('/pages/custom-bar/plain')");
        await page.WaitForFunctionAsync("() => capsule.data().windowHeight > 0");
        await Expect(page.Locator(".sim-bar .sim-title")).ToBeVisibleAsync();
        var frameHeight = await page.EvaluateAsync<double>("() => document.querySelector('.sim-screen iframe').getBoundingClientRect().height");
        var (windowHeight, screenHeight) = (await page.EvaluateAsync<double>("() => capsule.data().windowHeight"), await page.EvaluateAsync<double>("() => capsule.data().screenHeight"));
        Assert.Equal(frameHeight, windowHeight);
        Assert.Equal(screenHeight - 44, windowHeight);
        await page.EvaluateAsync("() => capsule.navigateBack()");
        await page.WaitForFunctionAsync("() => capsule.route() === 'pages/custom-bar/custom-bar'");
        await page.WaitForTimeoutAsync(300);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => capsule.data().resizes"));
    });

    [Fact]
    public Task What_App_onLaunch_asked_of_apis_answered_at_once_is_answered_when_the_first_page_loads() => WithPageAsync(async page =>
    {
        await OpenAsync(page);
        // ColorUI: CustomBar = capsule.bottom + capsule.top - statusBarHeight, set in wx.getSystemInfo's success.
        await page.WaitForFunctionAsync("() => capsule.data().customBar !== undefined && capsule.data().customBar !== 0");
        Assert.Equal(44, await page.EvaluateAsync<int>("() => capsule.data().customBar"));
    });

    [Fact]
    public Task A_component_of_a_pages_first_render_hears_the_pages_first_show_as_its_later_ones() => WithPageAsync(async page =>
    {
        await OpenAsync(page, "/pages/custom-bar/custom-bar");
        var view = page.FrameLocator(".sim-screen iframe");
        await Expect(view.Locator("wx-custom-bar [class$='--shows']")).ToHaveTextAsync("1");
        await page.EvaluateAsync("() => capsule.navigateTo('/pages/custom-bar/plain')");
        await page.EvaluateAsync("() => capsule.navigateBack()");
        await Expect(view.Locator("wx-custom-bar [class$='--shows']")).ToHaveTextAsync("2");
    });

    [Fact]
    public Task A_component_from_an_npm_scope_keeps_its_styles() => WithPageAsync(async page =>
    {
        await OpenAsync(page, "/pages/npm/npm");
        var view = page.FrameLocator(".sim-screen iframe");
        await Expect(view.Locator("#tag #box")).ToHaveCSSAsync("color", "rgb(1, 2, 3)");
    });

    [Fact]
    public Task A_wxs_values_constructor_is_the_name_of_its_type() => WithPageAsync(async page =>
    {
        await OpenAsync(page, "/pages/npm/npm");
        var view = page.FrameLocator(".sim-screen iframe");
        await Expect(view.Locator("#tag #types")).ToHaveTextAsync("Array Object Number String Boolean Function Date RegExp");
        await Expect(view.Locator("#tag #box")).ToHaveCSSAsync("border-top-color", "rgb(4, 5, 6)");
        await Expect(view.Locator("#tag #list")).ToHaveCSSAsync("color", "rgb(255, 0, 0)");
    });

    [Fact]
    public Task A_backslash_that_is_no_escape_stays_in_a_wxs_string() => WithPageAsync(async page =>
    {
        await OpenAsync(page, "/pages/npm/npm");
        var view = page.FrameLocator(".sim-screen iframe");
        await Expect(view.Locator("#tag #units")).ToHaveTextAsync("40px 50% 2 2 3");
        await Expect(view.Locator("#tag #units")).ToHaveCSSAsync("width", "40px");
    });

    [Fact]
    public Task GroupSetData_runs_its_callback_and_a_function_in_setData_stays_out_of_the_view() => WithPageAsync(async page =>
    {
        await OpenAsync(page, "/pages/npm/npm");
        var view = page.FrameLocator(".sim-screen iframe");
        await Expect(view.Locator("#tag #grouped")).ToHaveTextAsync("grouped");
        Assert.Empty(await page.EvaluateAsync<string[]>("() => capsule.errors"));
    });
}
