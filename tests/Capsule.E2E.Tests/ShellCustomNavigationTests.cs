using Capsule.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>
/// A page with <c>navigationStyle: custom</c> in the shell: it takes the program's whole area and the capsule button
/// stays floating over it at the top right, where <c>wx.getMenuButtonBoundingClientRect</c> says, as in WeChat.
/// </summary>
public sealed class ShellCustomNavigationTests(CapsuleFixture fixture, ReleasingServer server) : BrowserTest(fixture), IClassFixture<ReleasingServer>
{
    private static readonly Dictionary<string, string> s_files = new()
    {
        ["app.json"] = """{ "pages": ["pages/index/index", "pages/plain/plain"], "window": { "navigationBarTitleText": "Custom bar", "navigationStyle": "custom" } }""",
        ["app.js"] = "App({});",
        ["project.config.json"] = """{ "appid": "touristappid", "compileType": "miniprogram" }""",
        ["pages/index/index.wxml"] = """
            <view class="bar" style="height:{{rect.bottom + rect.top}}px">My own bar</view>
            <view class="rect">{{rect.width}} {{rect.height}} {{rect.top}} {{rect.right}} {{rect.bottom}} {{rect.left}}</view>
            <navigator class="plain" url="/pages/plain/plain">plain</navigator>
            """,
        ["pages/index/index.js"] = """Page({ data: { rect: {} }, onLoad() { this.setData({ rect: wx.getMenuButtonBoundingClientRect() }); } });""",
        ["pages/plain/plain.json"] = """{ "navigationStyle": "default" }""",
        ["pages/plain/plain.wxml"] = """<view class="height">{{windowHeight}}</view>""",
        ["pages/plain/plain.js"] = """Page({ data: { windowHeight: 0 }, onLoad() { this.setData({ windowHeight: wx.getWindowInfo().windowHeight }); } });""",
    };

    [Fact]
    public async Task A_custom_navigation_page_takes_the_whole_area_under_the_capsule_button_the_menu_button_rect_describes()
    {
        await using var context = await Fixture.Browser.NewContextAsync(new() { BaseURL = server.Url, ViewportSize = new() { Width = 400, Height = 760 } });
        context.SetDefaultTimeout(15_000);
        await TestUser.SignUpAsync(context, "Custom bar developer");
        var appId = await ProgramRelease.ReleaseAsync(Fixture.Browser, server.Url, ReleasingServer.OperatorEmail, context, "Custom bar", s_files);
        var page = await context.NewPageAsync();
        var program = await new MiniProgramPage(page).OpenAsync(appId);
        await program.WaitForFirstPageAsync();
        await Expect(program.View.Locator(".rect")).ToHaveTextAsync("87 32 8 393 40 306");

        var drawn = await page.EvaluateAsync<double[]>("""
            () => {
              const area = document.querySelector('.program:not([hidden])').getBoundingClientRect();
              const frame = document.querySelector('.program:not([hidden]) iframe').getBoundingClientRect();
              const button = document.querySelector('.program:not([hidden]) .capsule-button').getBoundingClientRect();
              return [frame.top - area.top, frame.height, area.height, button.width, button.height, button.top - frame.top, button.right - frame.left, button.bottom - frame.top, button.left - frame.left];
            }
            """);
        Assert.Equal([0, 760, 760, 87, 32, 8, 393, 40, 306], drawn);
        await Expect(program.Title).Not.ToBeVisibleAsync();
        await Expect(program.View.Locator(".bar")).ToHaveCSSAsync("height", "48px");

        // The capsule button is over the page and answers taps; the page's own controls answer theirs.
        await page.Locator(".program:not([hidden]) .capsule-more").ClickAsync();
        await Expect(page.Locator(".sheet-item[data-action=about]")).ToBeVisibleAsync();
        await page.Locator(".sheet-item[data-action=cancel]").ClickAsync();
        await program.View.Locator(".plain").ClickAsync();
        await Expect(program.View.Locator(".height")).ToHaveTextAsync("712");
        await Expect(program.Title).ToBeVisibleAsync();
        Assert.Equal(712, (await program.ContainerFrameElement.BoundingBoxAsync())!.Height);
    }
}
