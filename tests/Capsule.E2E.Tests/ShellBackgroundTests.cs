using Capsule.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>
/// Leaving a program in the shell keeps it alive in the background (WeChat's 切后台), and coming back to it is WeChat's
/// 热启动: its page and App hear onHide, then onShow with the scene of the new entry.
/// </summary>
public sealed class ShellBackgroundTests(CapsuleFixture fixture, ReleasingServer server) : BrowserTest(fixture), IClassFixture<ReleasingServer>
{
    private static readonly Dictionary<string, string> s_files = new()
    {
        ["app.json"] = """{ "pages": ["pages/index/index"], "window": { "navigationBarTitleText": "Lifecycle" } }""",
        ["app.js"] = """
            const log = (entry) => {
              const page = getCurrentPages().pop();
              if (page) page.add(entry);
            };
            App({
              onShow(options) { log(`App.onShow ${options.scene}`); },
              onHide() { log('App.onHide'); }
            });
            """,
        ["project.config.json"] = """{ "appid": "touristappid", "compileType": "miniprogram" }""",
        ["pages/index/index.wxml"] = """<view wx:for="{{log}}" class="entry">{{item}}</view>""",
        ["pages/index/index.js"] = """
            Page({
              data: { log: [] },
              onShow() { this.add(`page.onShow ${wx.getEnterOptionsSync().scene}`); },
              onHide() { this.add('page.onHide'); },
              add(entry) { this.setData({ log: this.data.log.concat(entry) }); }
            });
            """,
    };

    [Fact]
    public async Task Leaving_a_program_and_coming_back_from_a_chat_card_runs_onHide_then_onShow_with_scene_1007()
    {
        await using var context = await Fixture.Browser.NewContextAsync(new() { BaseURL = server.Url });
        context.SetDefaultTimeout(15_000);
        await TestUser.SignUpAsync(context, "Lifecycle developer");
        var appId = await ProgramRelease.ReleaseAsync(Fixture.Browser, server.Url, ReleasingServer.OperatorEmail, context, "Lifecycle", s_files);
        var page = await context.NewPageAsync();
        var program = await new MiniProgramPage(page).OpenAsync(appId);
        await program.WaitForFirstPageAsync();
        await Expect(program.View.Locator(".entry")).ToHaveTextAsync(["page.onShow 1001"]);

        await page.EvaluateAsync("() => (location.hash = '#/chats')");
        await Expect(page.Locator(".tab-page[data-tab=chats]")).ToBeVisibleAsync();
        await page.EvaluateAsync($"() => (location.hash = '#/mp/{appId}?scene=1007')");
        await Expect(program.View.Locator(".entry")).ToHaveTextAsync(["page.onShow 1001", "page.onHide", "App.onHide", "App.onShow 1007", "page.onShow 1007"]);
        await Expect(program.ContainerFrameElement).ToHaveCountAsync(1);
    }
}
