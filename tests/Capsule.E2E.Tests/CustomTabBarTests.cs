using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>The custom-tab-bar fixture: app.json sets tabBar.custom and ships a custom-tab-bar/index component.</summary>
public sealed class CustomTabBarSimulator() : SimulatorFixture(Fixture("custom-tab-bar"));

/// <summary>
/// WeChat's custom tab bar: each tab page gets its own instance of the program's custom-tab-bar component, in
/// place of the native bar, fixed at the bottom without covering the page; getTabBar() reaches it from onShow.
/// </summary>
public sealed class CustomTabBarTests(CapsuleFixture fixture, CustomTabBarSimulator simulator) : BrowserTest(fixture), IClassFixture<CustomTabBarSimulator>
{
    private const string ShownPage = ".capsule-page:not([hidden])";

    private async Task<IFrameLocator> OpenAsync(IPage page)
    {
        await page.GotoAsync(simulator.Url + "/");
        await page.EvaluateAsync("() => capsule.ready");
        return page.FrameLocator(".sim-screen iframe");
    }

    [Fact]
    public Task Tab_pages_show_the_custom_bar_with_the_item_selected_in_onShow_instead_of_the_native_one() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        Assert.Equal("pages/home/home", await page.EvaluateAsync<string>("() => capsule.route()"));
        Assert.True(await page.EvaluateAsync<bool>("() => capsule.data().hasTabBar"));
        await Expect(view.Locator($"{ShownPage} capsule-custom-tab-bar [class$=\"--selected\"]")).ToHaveTextAsync("Home");
        await Expect(view.Locator("nav.capsule-tab-bar")).ToBeHiddenAsync();

        var bar = await view.Locator($"{ShownPage} [class$=\"--tab-bar\"]").BoundingBoxAsync();
        var content = await view.Locator(ShownPage).BoundingBoxAsync();
        var screen = await page.Locator(".sim-screen iframe").BoundingBoxAsync();
        Assert.NotNull(bar);
        Assert.NotNull(content);
        Assert.NotNull(screen);
        Assert.Equal(screen.Y + screen.Height, bar.Y + bar.Height, 1);
        Assert.True(content.Y + content.Height <= bar.Y + 0.5, $"the page ({content.Y}+{content.Height}) runs under the tab bar at {bar.Y}");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => capsule.errors.length"));
    });

    [Fact]
    public Task Tapping_an_item_switches_tab_and_each_tab_page_has_its_own_bar() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.tap('#tab-1')");
        Assert.Equal("pages/mine/mine", await page.EvaluateAsync<string>("() => capsule.route()"));
        await Expect(view.Locator($"{ShownPage} capsule-custom-tab-bar [class$=\"--selected\"]")).ToHaveTextAsync("Mine");
        await Expect(view.Locator("capsule-custom-tab-bar")).ToHaveCountAsync(2);

        await view.Locator($"{ShownPage} #tab-0").ClickAsync();
        await page.WaitForFunctionAsync("() => capsule.route() === 'pages/home/home'");
        await Expect(view.Locator($"{ShownPage} capsule-custom-tab-bar [class$=\"--selected\"]")).ToHaveTextAsync("Home");
    });

    [Fact]
    public Task HideTabBar_hides_the_custom_bar_and_gives_its_space_back_to_the_page() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.tap('#hide')");
        await page.WaitForFunctionAsync("() => capsule.data().hidden === true");
        await Expect(view.Locator($"{ShownPage} [class$=\"--tab-bar\"]")).ToBeHiddenAsync();
        var content = await view.Locator(ShownPage).BoundingBoxAsync();
        var screen = await page.Locator(".sim-screen iframe").BoundingBoxAsync();
        Assert.NotNull(content);
        Assert.NotNull(screen);
        Assert.Equal(screen.Y + screen.Height, content.Y + content.Height, 1);
    });

    [Fact]
    public Task A_page_that_is_not_a_tab_has_no_bar_and_getTabBar_returns_null() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.navigateTo('/pages/detail/detail')");
        await page.WaitForFunctionAsync("() => capsule.data().tabBar !== 'unset'");
        Assert.Equal("null", await page.EvaluateAsync<string>("() => capsule.data().tabBar"));
        await Expect(view.Locator($"{ShownPage} .detail")).ToHaveTextAsync("detail page");
        await Expect(view.Locator($"{ShownPage} capsule-custom-tab-bar")).ToHaveCountAsync(0);
        await Expect(view.Locator("nav.capsule-tab-bar")).ToBeHiddenAsync();
    });
}
