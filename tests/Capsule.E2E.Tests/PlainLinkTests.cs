using Capsule.E2E.Tests.Pages;
using Capsule.Testing;
using Microsoft.Playwright;
using QRCoder;
using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>
/// Ordinary link QR codes (WeChat's "扫普通链接二维码打开小程序"): a QR code holding a plain address under a released
/// program's link rule opens that program at the rule's page, with the address in <c>q</c> and the scene of an image.
/// </summary>
public sealed class PlainLinkTests(CapsuleFixture fixture, ReleasingServer server) : BrowserTest(fixture), IClassFixture<ReleasingServer>
{
    private const string Shop = "https://shop.example.com";

    private static readonly Dictionary<string, string> s_files = new()
    {
        ["app.json"] = """{ "pages": ["pages/index/index", "pages/product/product"], "window": { "navigationBarTitleText": "Link shop" } }""",
        ["app.js"] = "App({});",
        ["project.config.json"] = """{ "appid": "touristappid", "compileType": "miniprogram" }""",
        ["pages/index/index.wxml"] = "<view>Home</view>",
        ["pages/index/index.js"] = "Page({});",
        ["pages/product/product.wxml"] = """
            <view class="q">{{q}}</view>
            <view class="time">{{time}}</view>
            <view class="scene">{{scene}}</view>
            <view class="keys">{{keys}}</view>
            """,
        ["pages/product/product.js"] = """
            Page({
              data: { q: '', time: '', scene: 0, keys: '' },
              onLoad(query) {
                this.setData({ q: query.q, time: query.scancode_time, scene: wx.getLaunchOptionsSync().scene, keys: Object.keys(query).join(',') });
              }
            });
            """,
    };

    private static async Task<string> QrPngAsync(TempDirectory dir, string name, string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var path = dir.Combine(name);
        await File.WriteAllBytesAsync(path, new PngByteQRCode(data).GetGraphic(8));
        return path;
    }

    [Fact]
    public async Task A_plain_address_under_a_released_link_rule_picked_as_an_image_opens_the_rules_page_with_q_and_scene_1013()
    {
        await using var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Url });
        context.SetDefaultTimeout(15_000);
        await TestUser.SignUpAsync(context, "Shopkeeper");
        var appId = await ProgramRelease.ReleaseAsync(Fixture.Browser, server.Url, ReleasingServer.OperatorEmail, context, "Link shop", s_files);
        await ProgramRelease.CallAsync(context.APIRequest, "PUT", $"/api/programs/{appId}/domains", new { request = new[] { Shop } });
        await ProgramRelease.CallAsync(context.APIRequest, "POST", $"/api/programs/{appId}/link-rules", new { prefix = $"{Shop}/p/", page = "pages/product/product", released = true });
        var address = $"{Shop}/p/42?from=poster&size=L";
        using var dir = new TempDirectory();
        var png = await QrPngAsync(dir, "poster.png", address);
        var elsewhere = await QrPngAsync(dir, "elsewhere.png", $"{Shop}/about");

        var page = await context.NewPageAsync();
        await page.GotoAsync("/#/discover");
        await page.Locator("[data-entry='scan']").ClickAsync();
        await page.Locator(".scanner-file").SetInputFilesAsync(png);
        var reach = new ReachPages(page);
        await reach.WaitForProgramAsync(appId);
        Assert.EndsWith("scene=1013", page.Url);
        await Expect(reach.Shown).ToHaveAttributeAsync("data-route", "pages/product/product");
        await Expect(reach.ShownView.Locator(".q")).ToHaveTextAsync(Uri.EscapeDataString(address));
        await Expect(reach.ShownView.Locator(".scene")).ToHaveTextAsync("1013");
        await Expect(reach.ShownView.Locator(".keys")).ToHaveTextAsync("q,scancode_time");
        await Expect(reach.ShownView.Locator(".time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9]{10}$"));
        Assert.Equal(address, await page.EvaluateAsync<string>("q => decodeURIComponent(q)", await reach.ShownView.Locator(".q").TextContentAsync()));

        await reach.CloseProgramAsync();
        await page.GotoAsync("/#/discover");
        await page.Locator("[data-entry='scan']").ClickAsync();
        await page.Locator(".scanner-file").SetInputFilesAsync(elsewhere);
        await Expect(page.Locator(".sheet")).ToContainTextAsync($"{Shop}/about");
        await Expect(page.Locator(".sheet")).ToContainTextAsync("This is not a Capsule code");
    }
}
