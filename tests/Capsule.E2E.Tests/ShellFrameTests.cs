using Capsule.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>The shell around everything else: signing up and in, the four tabs, language, appearance, and installability.</summary>
public sealed class ShellFrameTests(CapsuleFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task A_new_user_signs_up_stays_signed_in_moves_between_tabs_and_signs_out() => WithPageAsync(async page =>
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name" }).FillAsync("Ada");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Email" }).FillAsync($"{Guid.NewGuid():N}@test.capsule");
        await page.GetByLabel("Password").FillAsync(TestUser.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page.Locator(".tab-page[data-tab=chats]")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.Locator(".tab-page[data-tab=chats]")).ToBeVisibleAsync();

        foreach (var tab in new[] { "Contacts", "Discover", "Me" })
        {
            await page.Locator(".tab-bar").GetByRole(AriaRole.Link, new() { Name = tab }).ClickAsync();
            await Expect(page.Locator(".top-bar h1")).ToHaveTextAsync(tab);
        }
        await Expect(page.Locator(".profile-name")).ToHaveTextAsync("Ada");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create account" })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create account" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_wrong_password_is_explained_and_the_right_one_signs_in() => WithPageAsync(async page =>
    {
        var user = await TestUser.SignUpAsync(page.Context, "Grace");
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "I already have an account" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Email" }).FillAsync(user.Email);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The email or password is wrong.");

        await page.GetByLabel("Password").FillAsync(TestUser.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator(".tab-page[data-tab=chats]")).ToBeVisibleAsync();
    });

    [Fact]
    public Task Chinese_and_dark_mode_are_chosen_on_Me_and_kept_across_a_reload() => WithUserAsync(async (page, _) =>
    {
        await page.GotoAsync("/#/me");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Language" }).SelectOptionAsync("zh");
        await Expect(page.Locator(".tab-bar .tab-label")).ToHaveTextAsync(["微信", "通讯录", "发现", "我"]);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");

        await page.GetByRole(AriaRole.Combobox, new() { Name = "外观" }).SelectOptionAsync("dark");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await page.ReloadAsync();
        await Expect(page.Locator(".tab-bar .tab-label").First).ToHaveTextAsync("微信");
        Assert.Equal("rgb(17, 17, 17)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));

        await page.GetByRole(AriaRole.Combobox, new() { Name = "外观" }).SelectOptionAsync("light");
        Assert.Equal("rgb(237, 237, 237)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
    });

    [Fact]
    public Task Me_shows_my_Capsule_ID_and_my_QR_code() => WithUserAsync(async (page, _) =>
    {
        await page.GotoAsync("/#/me");
        await Expect(page.Locator(".profile-handle")).ToContainTextAsync("Capsule ID: ");
        var code = page.Locator(".my-code img");
        await Expect(code).ToHaveAttributeAsync("alt", new System.Text.RegularExpressions.Regex(".+"));
        await page.WaitForFunctionAsync("() => document.querySelector('.my-code img')?.naturalWidth > 0");
    });

    [Fact]
    public Task The_shell_is_installable_with_a_web_app_manifest() => WithPageAsync(async page =>
    {
        await page.GotoAsync("/");
        var href = await page.Locator("link[rel=manifest]").GetAttributeAsync("href");
        var response = await page.APIRequest.GetAsync(href!);
        Assert.True(response.Ok);
        Assert.StartsWith("application/manifest+json", response.Headers["content-type"]);
        var manifest = (await response.JsonAsync())!.Value;
        Assert.Equal("standalone", manifest.GetProperty("display").GetString());
        Assert.Equal("/#/chats", manifest.GetProperty("start_url").GetString());
        foreach (var icon in manifest.GetProperty("icons").EnumerateArray())
        {
            Assert.True((await page.APIRequest.GetAsync(icon.GetProperty("src").GetString()!)).Ok);
        }
    });
}
