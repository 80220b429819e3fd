using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Capsule.Server.Tests.Payments;

/// <summary>Orders created by a program's backend, paid once by their user through the host, queried by the backend.</summary>
public sealed class PaymentsApiTests(CapsuleApiFactory factory) : IClassFixture<CapsuleApiFactory>
{
    private async Task<(HttpClient Client, string Id)> UserAsync(bool developer = false)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/account/sign-up", new { email = $"pay{Guid.NewGuid():N}@capsule.test", password = "correct horse 42", nickname = "Payer" });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        if (developer)
        {
            await client.PostAsync("/api/account/developer", null);
        }
        return (client, id);
    }

    /// <summary>A program, its owner (who logs in to it and so has an openid), a tester member, and the secret.</summary>
    private async Task<(HttpClient Owner, HttpClient Tester, string AppId, string Secret, string OpenId)> SetUpAsync()
    {
        var (owner, _) = await UserAsync(developer: true);
        var program = await (await owner.PostAsJsonAsync("/api/programs", new { name = $"Pay {Guid.NewGuid():N}"[..16], category = "tools/calculators" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var appId = program.GetProperty("appId").GetString()!;
        var secret = program.GetProperty("appSecret").GetString()!;
        var (tester, testerId) = await UserAsync();
        await owner.PutAsJsonAsync($"/api/programs/{appId}/members/{testerId}", new { role = "tester" });
        var code = (await (await owner.PostAsync($"/api/programs/{appId}/login-code", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        var session = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/sns/jscode2session?appid={appId}&secret={secret}&js_code={code}&grant_type=authorization_code");
        return (owner, tester, appId, secret, session.GetProperty("openid").GetString()!);
    }

    private async Task<HttpResponseMessage> CreateAsync(string appId, string secret, string openId, string outTradeNo, int amount = 1234) =>
        await factory.CreateClient().PostAsJsonAsync("/api/pay/orders", new { appId, secret, openId, amount, description = "Two coffees", outTradeNo });

    private async Task<JsonElement> QueryAsync(string appId, string secret, string outTradeNo) =>
        await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/pay/orders/{outTradeNo}?appid={appId}&secret={secret}");

    [Fact]
    public async Task A_backend_with_a_wrong_secret_or_an_unknown_openid_cannot_create_an_order()
    {
        var (_, _, appId, secret, openId) = await SetUpAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await CreateAsync(appId, "0123456789abcdef0123456789abcdef", openId, "order-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CreateAsync(appId, secret, "o" + new string('x', 27), "order-1")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await CreateAsync(appId, secret, openId, "order-1", amount: 0)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CreateAsync(appId, secret, openId, "order-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await CreateAsync(appId, secret, openId, "order-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/pay/orders/order-1?appid={appId}&secret=wrong")).StatusCode);
    }

    [Fact]
    public async Task The_user_pays_once_paying_again_changes_nothing_and_the_backend_sees_it_paid()
    {
        var (owner, _, appId, secret, openId) = await SetUpAsync();
        var created = await (await CreateAsync(appId, secret, openId, "order-2")).Content.ReadFromJsonAsync<JsonElement>();
        var payment = created.GetProperty("payment");
        Assert.Equal("prepay_id=" + created.GetProperty("prepayId").GetString(), payment.GetProperty("package").GetString());
        Assert.Equal("HMAC-SHA256", payment.GetProperty("signType").GetString());
        Assert.Equal("NOTPAY", (await QueryAsync(appId, secret, "order-2")).GetProperty("tradeState").GetString());

        var summary = await (await owner.PostAsJsonAsync($"/api/programs/{appId}/payments/verify", payment)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Two coffees", summary.GetProperty("description").GetString());
        Assert.Equal(1234, summary.GetProperty("amount").GetInt32());

        var paid = await owner.PostAsJsonAsync($"/api/programs/{appId}/payments/pay", payment);
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var state = await QueryAsync(appId, secret, "order-2");
        Assert.Equal("SUCCESS", state.GetProperty("tradeState").GetString());
        var paidAt = state.GetProperty("paidAt").GetDateTime();

        var again = await owner.PostAsJsonAsync($"/api/programs/{appId}/payments/pay", payment);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("SUCCESS", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tradeState").GetString());
        Assert.Equal(paidAt, (await QueryAsync(appId, secret, "order-2")).GetProperty("paidAt").GetDateTime());
    }

    [Fact]
    public async Task Another_user_cannot_pay_and_altered_parameters_are_refused()
    {
        var (owner, tester, appId, secret, openId) = await SetUpAsync();
        var payment = (await (await CreateAsync(appId, secret, openId, "order-3")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("payment");

        Assert.Equal(HttpStatusCode.Forbidden, (await tester.PostAsJsonAsync($"/api/programs/{appId}/payments/pay", payment)).StatusCode);
        var altered = JsonSerializer.Deserialize<Dictionary<string, string>>(payment.GetRawText())!;
        altered["paySign"] = new string('0', 64);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostAsJsonAsync($"/api/programs/{appId}/payments/pay", altered)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync($"/api/programs/{appId}/payments/pay", payment)).StatusCode);
        Assert.Equal("NOTPAY", (await QueryAsync(appId, secret, "order-3")).GetProperty("tradeState").GetString());
    }
}
