using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>
/// Program-wide services: wx.getNetworkType and wx.onNetworkStatusChange follow the browser's connection; wx.cloud
/// (WeChat's cloud development, which Capsule does not have) lets a program make its calls, each failing through its
/// callback or promise, as does any API Capsule does not offer (a Sync one returns undefined, a context or manager has
/// methods that do the same); wx.onError and wx.onUnhandledRejection hear what App.onError hears; the log managers write to
/// the console. On the runtime-ui fixture's services page.
/// </summary>
public sealed class ProgramServicesTests(CapsuleFixture fixture, RuntimeUiSimulator simulator) : BrowserTest(fixture), IClassFixture<RuntimeUiSimulator>
{
    private Task<IFrameLocator> OpenAsync(IPage page) => simulator.OpenAsync(page, "/pages/services/services");

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

    [Fact]
    public Task Error_and_rejection_listeners_hear_uncaught_errors_until_removed() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.tap('#fail')");
        await Expect(view.Locator(".heard")).ToHaveCountAsync(3);
        await page.WaitForFunctionAsync("() => capsule.errors.length === 2");
        Assert.Equal(
            ["error Error: nobody caught this", "error Error: thrown in a timer", "rejection nobody caught this true"],
            (await view.Locator(".heard").AllTextContentsAsync()).Order());

        await page.EvaluateAsync("() => capsule.tap('#stop-hearing')");
        await page.WaitForFunctionAsync("() => capsule.errors.length === 4");
        await Expect(view.Locator(".heard")).ToHaveCountAsync(4);
        Assert.Equal("rejection nobody caught this true", await view.Locator(".heard").Nth(3).TextContentAsync());
    });

    [Fact]
    public Task The_log_managers_write_to_the_programs_console() => WithPageAsync(async page =>
    {
        var logged = new List<string>();
        page.Console += (_, message) => logged.Add($"{message.Type} {message.Text}");
        await OpenAsync(page);
        await page.RunAndWaitForConsoleMessageAsync(() => page.EvaluateAsync("() => capsule.tap('#log')"), new() { Predicate = message => message.Text == "plain log" });
        Assert.Contains("info realtime 1", logged);
        Assert.Contains("warning [pages/services/services] [checkout] on the page", logged);
        Assert.Contains("error [cart] tagged", logged);
        Assert.Contains("log plain log", logged);
        Assert.DoesNotContain(logged, line => line.Contains("left out"));
        Assert.Empty(await page.EvaluateAsync<string[]>("() => capsule.errors"));
    });

    [Fact]
    public Task Apis_capsule_does_not_offer_answer_not_supported_without_throwing() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.tap('#unsupported')");
        await Expect(view.Locator(".unsupported")).ToHaveCountAsync(6);
        Assert.Equal(
            [
                "fileSystemManager.unzip:fail not supported",
                "fs sync undefined",
                "mapContext.moveToLocation:fail not supported",
                "openBluetoothAdapter:fail not supported",
                "requestSubscribeMessage:fail not supported",
                "sync undefined",
            ],
            (await view.Locator(".unsupported").AllTextContentsAsync()).Order(StringComparer.Ordinal));
        Assert.Empty(await page.EvaluateAsync<string[]>("() => capsule.errors"));
    });

    [Fact]
    public Task Image_info_reads_a_package_picture_phone_calls_are_confirmed_and_the_screen_is_kept_on() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.tap('#image-info')");
        await Expect(view.Locator(".device")).ToHaveCountAsync(2);
        Assert.Equal(
            ["2x1 png ../../images/dot.png", "getImageInfo:fail file not found: /images/none.png"],
            (await view.Locator(".device").AllTextContentsAsync()).Order(StringComparer.Ordinal));

        await page.EvaluateAsync("() => capsule.tap('#call')");
        var sheet = page.GetByRole(AriaRole.Dialog, new() { Name = "+86 10086" });
        await sheet.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(view.Locator(".device").Nth(2)).ToHaveTextAsync("makePhoneCall:fail cancel");
        await page.EvaluateAsync("() => capsule.tap('#call')");
        await sheet.GetByRole(AriaRole.Button, new() { Name = "Call +86 10086" }).ClickAsync();
        await Expect(view.Locator(".device").Nth(3)).ToHaveTextAsync("makePhoneCall:ok");

        await page.EvaluateAsync("() => capsule.tap('#keep-on')");
        await Expect(view.Locator(".device").Nth(4)).ToHaveTextAsync("setKeepScreenOn:ok");
        Assert.Empty(await page.EvaluateAsync<string[]>("() => capsule.errors"));
    });
}
