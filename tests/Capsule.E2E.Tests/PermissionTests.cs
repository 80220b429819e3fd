using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>
/// WeChat's permission scopes through the host's sheets: wx.authorize asks once and a refusal stands, wx.getSetting
/// reports the answers, wx.openSetting changes them, and the APIs behind a scope (getLocation, saveImageToPhotosAlbum)
/// follow them. On the runtime-ui fixture's settings page.
/// </summary>
public sealed class PermissionTests(CapsuleFixture fixture, RuntimeUiSimulator simulator) : BrowserTest(fixture), IClassFixture<RuntimeUiSimulator>
{
    private Task OpenAsync(IPage page) => simulator.OpenAsync(page, "/pages/settings/settings");

    private static Task LoggedAsync(IPage page, params string[] log) =>
        page.WaitForFunctionAsync("expected => JSON.stringify(capsule.data().log) === JSON.stringify(expected)", log);

    /// <summary>Waits until the page's authSetting (from wx.getSetting or wx.openSetting) is the one given.</summary>
    private static Task SettingIsAsync(IPage page, Dictionary<string, bool> expected) =>
        page.WaitForFunctionAsync(
            "expected => JSON.stringify(Object.entries(capsule.data().setting).sort()) === JSON.stringify(Object.entries(expected).sort())",
            expected);

    [Fact]
    public Task A_refused_scope_is_not_asked_again_until_the_user_allows_it_in_the_settings() => WithPageAsync(async page =>
    {
        await page.Context.GrantPermissionsAsync(["geolocation"]);
        await page.Context.SetGeolocationAsync(new Geolocation { Latitude = 31.2304f, Longitude = 121.4737f });
        await OpenAsync(page);
        var consent = page.Locator(".capsule-sheet-consent");

        await page.EvaluateAsync("() => capsule.tap('#location')");
        await Expect(consent.Locator("h2")).ToHaveTextAsync(new Regex(" wants to use your location$"));
        await consent.GetByRole(AriaRole.Button, new() { Name = "Deny" }).ClickAsync();
        await LoggedAsync(page, "authorize:fail auth deny");

        await page.EvaluateAsync("() => capsule.tap('#location')");
        await page.EvaluateAsync("() => capsule.tap('#locate')");
        await LoggedAsync(page, "authorize:fail auth deny", "authorize:fail auth deny", "getLocation:fail auth deny");
        await Expect(consent).ToHaveCountAsync(0);
        await page.EvaluateAsync("() => capsule.tap('#read')");
        await SettingIsAsync(page, new() { ["scope.userInfo"] = true, ["scope.userLocation"] = false });

        await page.EvaluateAsync("() => capsule.tap('#open')");
        var settings = page.Locator(".capsule-sheet-settings");
        var location = settings.GetByRole(AriaRole.Switch, new() { Name = "Use your location" });
        await Expect(location).Not.ToBeCheckedAsync();
        await location.CheckAsync();
        await settings.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await SettingIsAsync(page, new() { ["scope.userInfo"] = true, ["scope.userLocation"] = true });

        await page.EvaluateAsync("() => capsule.tap('#location')");
        await page.EvaluateAsync("() => capsule.tap('#locate')");
        await page.WaitForFunctionAsync("() => capsule.data().latitude !== 0");
        await LoggedAsync(page, "authorize:fail auth deny", "authorize:fail auth deny", "getLocation:fail auth deny", "authorize:ok");
        await Expect(consent).ToHaveCountAsync(0);
    });

    [Fact]
    public Task The_user_info_scope_is_granted_without_asking_and_an_unknown_scope_is_invalid() => WithPageAsync(async page =>
    {
        await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.tap('#user-info')");
        await LoggedAsync(page, "authorize:ok");
        await page.EvaluateAsync("() => capsule.tap('#bogus')");
        await LoggedAsync(page, "authorize:ok", "authorize:fail invalid scope");
        await Expect(page.Locator(".capsule-sheet-consent")).ToHaveCountAsync(0);
        await page.EvaluateAsync("() => capsule.tap('#read')");
        await SettingIsAsync(page, new() { ["scope.userInfo"] = true });
    });

    [Fact]
    public Task A_saved_picture_is_downloaded_once_the_user_allows_saving_and_a_web_address_is_refused() => WithPageAsync(async page =>
    {
        await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.tap('#save-web')");
        await LoggedAsync(page, "saveImageToPhotosAlbum:fail invalid file path, a network address cannot be saved");

        await page.EvaluateAsync("() => capsule.tap('#save')");
        var consent = page.Locator(".capsule-sheet-consent");
        await Expect(consent.Locator("h2")).ToHaveTextAsync(new Regex(" wants to save pictures and videos to your device$"));
        var download = await page.RunAndWaitForDownloadAsync(() => consent.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync());
        Assert.Matches(@"^tmp_.+\.png$", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        await LoggedAsync(page, "saveImageToPhotosAlbum:fail invalid file path, a network address cannot be saved", "saveImageToPhotosAlbum:ok");
    });
}
