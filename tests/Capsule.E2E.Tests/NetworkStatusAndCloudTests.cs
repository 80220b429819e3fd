using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>
/// wx.getNetworkType and wx.onNetworkStatusChange follow the browser's connection; wx.cloud (WeChat's cloud
/// development, which Capsule does not have) lets a program make its calls, each failing through its callback or
/// promise. On the runtime-ui fixture's services page.
/// </summary>
public sealed class NetworkStatusAndCloudTests(CapsuleFixture fixture, RuntimeUiSimulator simulator) : BrowserTest(fixture), IClassFixture<RuntimeUiSimulator>
{
    private async Task<IFrameLocator> OpenAsync(IPage page)
    {
        await page.GotoAsync(simulator.Url + "/");
        await page.EvaluateAsync("() => capsule.ready");
        await page.EvaluateAsync("() => capsule.reLaunch('/pages/services/services')");
        return page.FrameLocator(".sim-screen iframe");
    }

    [Fact]
    public Task The_network_type_and_its_changes_follow_the_browsers_connection() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.tap('#network')");
        await Expect(view.Locator("#type")).ToHaveTextAsync("wifi");

        await page.Context.SetOfflineAsync(true);
        await Expect(view.Locator(".change")).ToHaveTextAsync(["false none"]);
        await page.EvaluateAsync("() => capsule.tap('#network')");
        await Expect(view.Locator("#type")).ToHaveTextAsync("none");
        await page.Context.SetOfflineAsync(false);
        await Expect(view.Locator(".change")).ToHaveTextAsync(["false none", "true wifi"]);
    });

    [Fact]
    public Task Cloud_calls_fail_through_their_callbacks_and_promises_without_an_error() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.tap('#cloud')");
        await Expect(view.Locator(".cloud")).ToHaveCountAsync(3);
        var messages = await view.Locator(".cloud").AllTextContentsAsync();
        Assert.Equal(["cloud.callFunction:fail not supported", "collection.get:fail not supported", "document.update:fail not supported"], messages.Order());
        Assert.Empty(await page.EvaluateAsync<string[]>("() => capsule.errors"));
    });
}
