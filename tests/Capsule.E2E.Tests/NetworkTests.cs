using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>wx.request, downloadFile and uploadFile through <c>capsule dev</c>'s proxy, with the program's backend mocked.</summary>
public sealed class NetworkTests(CapsuleFixture fixture, NetworkSimulator simulator) : BrowserTest(fixture), IClassFixture<NetworkSimulator>
{
    private async Task<IFrameLocator> OpenAsync(IPage page)
    {
        await page.GotoAsync(simulator.Url + "/");
        await page.EvaluateAsync("() => capsule.ready");
        return page.FrameLocator(".sim-screen iframe");
    }

    /// <summary>Taps and waits until the page data has the key.</summary>
    private static async Task<JsonElement> TapUntilAsync(IPage page, string selector, string key)
    {
        await page.EvaluateAsync("s => capsule.tap(s)", selector);
        await page.WaitForFunctionAsync("k => capsule.data()[k] !== undefined && capsule.data()[k] !== ''", key);
        return (await page.EvaluateAsync("() => capsule.data()"))!.Value;
    }

    [Fact]
    public Task A_request_to_the_mocked_domain_answers_its_json() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        var data = await TapUntilAsync(page, "#get", "greeting");
        Assert.Equal("hi capsule", data.GetProperty("greeting").GetString());
        Assert.Equal(200, data.GetProperty("status").GetInt32());
        Assert.Equal("yes", data.GetProperty("header").GetString());
        await Expect(view.Locator(".greeting")).ToHaveTextAsync("hi capsule");
    });

    [Fact]
    public Task A_domain_outside_the_list_fails_with_WeChats_errMsg() => WithPageAsync(async page =>
    {
        await OpenAsync(page);
        var data = await TapUntilAsync(page, "#blocked", "refused");
        Assert.Equal("request:fail url not in domain list", data.GetProperty("refused").GetString());
    });

    [Fact]
    public Task A_downloaded_file_shows_in_an_image_reads_back_and_uploads_to_the_backend() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        var downloaded = await TapUntilAsync(page, "#download", "image");
        Assert.Matches("^wxfile://tmp_[0-9a-f]+\\.png$", downloaded.GetProperty("image").GetString());
        Assert.Equal(200, downloaded.GetProperty("downloadStatus").GetInt32());
        Assert.Equal(100, downloaded.GetProperty("progress").GetInt32());

        await page.WaitForFunctionAsync("() => capsule.data().read === true");
        Assert.True((await page.EvaluateAsync("() => capsule.data()"))!.Value.GetProperty("loadedWidth").GetInt32() > 0);
        await Expect(view.Locator("#downloaded img")).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await view.Locator("#downloaded img").EvaluateAsync<int>("img => img.naturalWidth") > 0);

        var uploaded = await TapUntilAsync(page, "#upload", "uploaded");
        var size = new FileInfo(Path.Combine(SimulatorFixture.Fixture("runtime-basics"), "images", "dot.png")).Length;
        Assert.Equal(size, uploaded.GetProperty("uploaded").GetProperty("size").GetInt64());
        Assert.Equal($"photo {size} hi", simulator.Backend.LastUpload);
    });

    [Fact]
    public Task Login_codes_are_exchanged_by_the_backend_at_the_dev_servers_jscode2session() => WithPageAsync(async page =>
    {
        await OpenAsync(page);
        var data = await TapUntilAsync(page, "#login", "openid");
        Assert.Equal(32, data.GetProperty("codeLength").GetInt32());
        Assert.Equal(0, data.GetProperty("loginError").GetInt32());
        Assert.Matches("^o[A-Za-z0-9_-]{27}$", data.GetProperty("openid").GetString());
        await page.WaitForFunctionAsync("() => capsule.data().session !== undefined");
        Assert.Equal("valid", (await page.EvaluateAsync("() => capsule.data()"))!.Value.GetProperty("session").GetString());

        var again = await TapUntilAsync(page, "#login", "openid");
        Assert.Equal(data.GetProperty("openid").GetString(), again.GetProperty("openid").GetString());
    });

    [Fact]
    public Task GetUserProfile_shows_the_hosts_consent_sheet_and_answers_allow_or_deny() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.tap('#profile')");
        var sheet = page.Locator(".capsule-sheet-consent");
        await Expect(sheet).ToContainTextAsync("To greet you by name");
        await Expect(view.Locator(".capsule-sheet-consent")).ToHaveCountAsync(0);
        await sheet.Locator(".capsule-sheet-cancel").ClickAsync();
        await page.WaitForFunctionAsync("() => capsule.data().nick");
        Assert.Equal("getUserProfile:fail auth deny", await page.EvaluateAsync<string>("() => capsule.data().nick"));

        await page.EvaluateAsync("() => capsule.tap('#profile')");
        await sheet.Locator(".capsule-sheet-confirm").ClickAsync();
        await Expect(view.Locator(".nick")).ToHaveTextAsync("Developer");
        await Expect(sheet).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Buttons_with_open_type_getUserInfo_ask_consent_and_getPhoneNumber_fails_clearly() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await view.Locator("#userinfo").ClickAsync();
        await page.Locator(".capsule-sheet-consent .capsule-sheet-confirm").ClickAsync();
        await page.WaitForFunctionAsync("() => capsule.data().info");
        Assert.Equal("Developer", await page.EvaluateAsync<string>("() => capsule.data().info"));

        await view.Locator("#phone").ClickAsync();
        await page.WaitForFunctionAsync("() => capsule.data().phone");
        Assert.Equal("getPhoneNumber:fail Capsule does not share phone numbers", await page.EvaluateAsync<string>("() => capsule.data().phone"));
    });

    private async Task<string> TradeStateAsync(string outTradeNo)
    {
        using var client = new HttpClient();
        var order = await client.GetStringAsync($"{simulator.Url}/api/pay/orders/{outTradeNo}?appid={NetworkSimulator.AppId}&secret=capsule-dev-secret");
        return JsonDocument.Parse(order).RootElement.GetProperty("tradeState").GetString()!;
    }

    [Fact]
    public Task RequestPayment_shows_the_hosts_payment_sheet_and_pays_only_when_the_user_presses_pay() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.tap('#pay-cancel')");
        var sheet = page.Locator(".capsule-sheet-payment");
        await Expect(sheet).ToContainTextAsync("A cup of tea");
        await Expect(sheet.Locator(".capsule-sheet-figure")).ToHaveTextAsync("¥12.50");
        await Expect(view.Locator(".capsule-sheet-payment")).ToHaveCountAsync(0);
        await sheet.Locator(".capsule-sheet-cancel").ClickAsync();
        await page.WaitForFunctionAsync("() => capsule.data().paid");
        Assert.Equal("requestPayment:fail cancel", await page.EvaluateAsync<string>("() => capsule.data().paid"));
        Assert.Equal("NOTPAY", await TradeStateAsync("tea-cancel"));

        await page.EvaluateAsync("() => capsule.tap('#pay')");
        await sheet.Locator(".capsule-sheet-confirm").ClickAsync();
        await page.WaitForFunctionAsync("() => capsule.data().paid === 'requestPayment:ok'");
        Assert.Equal("SUCCESS", await TradeStateAsync("tea-pay"));
    });
}
