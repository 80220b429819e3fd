using Capsule.E2E.Tests.Pages;
using Capsule.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>A server of its own, without the demo samples, started with extra settings.</summary>
public abstract class OwnServer(params string[] settings) : IAsyncLifetime
{
    private readonly TempDirectory _dataDir = new();
    private LaunchedProcess? _server;

    public string Url => _server?.Url ?? throw new InvalidOperationException("the server is not started");

    public async Task InitializeAsync() =>
        _server = await ServerProcess.StartAsync(_dataDir.Path, "http://127.0.0.1:0", ["--Capsule:DemoSamples=", .. settings]);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        _dataDir.Dispose();
    }
}

/// <summary>A platform whose minimum shell version (2.0.0) is above this shell's (1.0.0).</summary>
public sealed class NewerPlatformServer() : OwnServer("--Capsule:MinimumClientVersion=2.0.0");

/// <summary>A platform with an operator, so a test can release a program of its own through review.</summary>
public sealed class ReleasingServer() : OwnServer($"--Capsule:OperatorEmails:0={OperatorEmail}")
{
    public const string OperatorEmail = "operator@scan.capsule";
}

public sealed class VersionGateTests(CapsuleFixture fixture, NewerPlatformServer server) : BrowserTest(fixture), IClassFixture<NewerPlatformServer>
{
    [Fact]
    public async Task A_shell_older_than_the_platform_minimum_shows_an_update_prompt_instead_of_the_program()
    {
        await using var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Url });
        await TestUser.SignUpAsync(context, "Old shell");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/#/mp/wx0123456789abcdef");
        var prompt = page.GetByRole(AriaRole.Alertdialog, new() { Name = "Please update Capsule" });
        await Expect(prompt).ToBeVisibleAsync();
        await Expect(prompt).ToContainTextAsync("need Capsule 2.0.0 or later");
        await Expect(prompt.GetByRole(AriaRole.Button, new() { Name = "Update now" })).ToBeVisibleAsync();
        await Expect(page.Locator("iframe.mp-container")).ToHaveCountAsync(0);
    }
}

/// <summary>wx.scanCode in a program released for the test: the shell's scanner answers it.</summary>
public sealed class ScanCodeTests(CapsuleFixture fixture, ReleasingServer server) : BrowserTest(fixture), IClassFixture<ReleasingServer>
{
    private const string Page = """
        <button class="scan" bindtap="scan">Scan</button>
        <view class="result">{{result}}</view>
        <view class="path">{{path}}</view>
        """;

    private const string Script = """
        Page({
          data: { result: '', path: '' },
          scan() {
            wx.scanCode({
              success: (r) => this.setData({ result: r.result + ' ' + r.scanType, path: r.path || '' }),
              fail: (e) => this.setData({ result: e.errMsg, path: '' })
            });
          }
        });
        """;

    private static readonly Dictionary<string, string> s_files = new()
    {
        ["app.json"] = """{ "pages": ["pages/index/index"], "window": { "navigationBarTitleText": "Scanner" } }""",
        ["app.js"] = "App({});",
        ["project.config.json"] = """{ "appid": "touristappid", "compileType": "miniprogram" }""",
        ["pages/index/index.wxml"] = Page,
        ["pages/index/index.js"] = Script,
        ["pages/index/index.json"] = "{}",
    };

    [Fact]
    public async Task WxScanCode_reads_an_image_in_the_shells_scanner_with_the_path_of_the_programs_own_code_and_cancel_fails()
    {
        await using var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Url });
        context.SetDefaultTimeout(15_000);
        await TestUser.SignUpAsync(context, "Developer");
        var appId = await ProgramRelease.ReleaseAsync(Fixture.Browser, server.Url, ReleasingServer.OperatorEmail, context, "Scanner", s_files);
        var code = await context.APIRequest.PostAsync($"/api/programs/{appId}/codes", new APIRequestContextOptions { DataObject = new { page = "pages/index/index", scene = "id=7" } });
        Assert.Equal(200, code.Status);
        using var dir = new TempDirectory();
        var png = dir.Combine("code.png");
        await File.WriteAllBytesAsync(png, await code.BodyAsync());

        var page = await context.NewPageAsync();
        var reach = new ReachPages(page);
        await page.GotoAsync($"/#/mp/{appId}");
        await reach.WaitForProgramAsync(appId);
        await reach.ShownView.Locator(".scan").ClickAsync();
        await page.Locator(".scanner-file").SetInputFilesAsync(png);
        await Expect(reach.ShownView.Locator(".result")).ToHaveTextAsync($"{code.Headers["capsule-link"]} QR_CODE");
        await Expect(reach.ShownView.Locator(".path")).ToHaveTextAsync("pages/index/index?scene=id%3D7");

        await reach.ShownView.Locator(".scan").ClickAsync();
        await page.Locator(".scanner-cancel").ClickAsync();
        await Expect(reach.ShownView.Locator(".result")).ToHaveTextAsync("scanCode:fail cancel");
    }
}
