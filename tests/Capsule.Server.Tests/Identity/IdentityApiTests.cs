using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Capsule.Server.Tests.Identity;

/// <summary>wx.login codes, WeChat's jscode2session, sessions and the profile the host shows a program.</summary>
public sealed class IdentityApiTests(CapsuleApiFactory factory) : IClassFixture<CapsuleApiFactory>
{
    private async Task<(HttpClient Client, string Id)> UserAsync(bool developer = false, string nickname = "Ada")
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/account/sign-up", new { email = $"i{Guid.NewGuid():N}@capsule.test", password = "correct horse 42", nickname });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        if (developer)
        {
            await client.PostAsync("/api/account/developer", null);
        }
        return (client, id);
    }

    /// <summary>A program registered by a new developer: its owner's client, appid and appsecret.</summary>
    private async Task<(HttpClient Owner, string AppId, string Secret)> ProgramAsync()
    {
        var (owner, _) = await UserAsync(developer: true);
        var response = await owner.PostAsJsonAsync("/api/programs", new { name = $"Id {Guid.NewGuid():N}"[..16], category = "tools/calculators" });
        var program = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (owner, program.GetProperty("appId").GetString()!, program.GetProperty("appSecret").GetString()!);
    }

    private static async Task<string> CodeAsync(HttpClient client, string appId)
    {
        var response = await client.PostAsync($"/api/programs/{appId}/login-code", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    private async Task<JsonElement> ExchangeAsync(string appId, string secret, string code, string grantType = "authorization_code") =>
        await factory.CreateClient().GetFromJsonAsync<JsonElement>(
            $"/sns/jscode2session?appid={appId}&secret={secret}&js_code={code}&grant_type={grantType}");

    [Fact]
    public async Task A_code_is_exchanged_once_for_the_users_openid_and_session_key()
    {
        var (owner, appId, secret) = await ProgramAsync();
        var code = await CodeAsync(owner, appId);

        var session = await ExchangeAsync(appId, secret, code);
        Assert.Equal(0, session.GetProperty("errcode").GetInt32());
        Assert.Matches("^o[A-Za-z0-9_-]{27}$", session.GetProperty("openid").GetString());
        Assert.Equal(24, session.GetProperty("session_key").GetString()!.Length);

        var again = await ExchangeAsync(appId, secret, code);
        Assert.Equal(40163, again.GetProperty("errcode").GetInt32());
        Assert.False(again.TryGetProperty("openid", out _));
    }

    [Fact]
    public async Task Wrong_secret_unknown_code_other_program_and_wrong_grant_are_refused_with_WeChats_codes()
    {
        var (owner, appId, secret) = await ProgramAsync();
        var (_, otherAppId, otherSecret) = await ProgramAsync();
        var code = await CodeAsync(owner, appId);

        Assert.Equal(40125, (await ExchangeAsync(appId, "0123456789abcdef0123456789abcdef", code)).GetProperty("errcode").GetInt32());
        Assert.Equal(40029, (await ExchangeAsync(appId, secret, "not-a-code")).GetProperty("errcode").GetInt32());
        Assert.Equal(40029, (await ExchangeAsync(otherAppId, otherSecret, code)).GetProperty("errcode").GetInt32());
        Assert.Equal(40013, (await ExchangeAsync("wx0000000000000000", secret, code)).GetProperty("errcode").GetInt32());
        Assert.Equal(40002, (await ExchangeAsync(appId, secret, code, "client_credential")).GetProperty("errcode").GetInt32());
        Assert.Equal(0, (await ExchangeAsync(appId, secret, code)).GetProperty("errcode").GetInt32());
    }

    [Fact]
    public async Task The_openid_is_stable_for_a_user_in_a_program_and_differs_across_programs_and_users()
    {
        var (owner, appId, secret) = await ProgramAsync();
        var (otherOwner, otherAppId, otherSecret) = await ProgramAsync();
        var (member, memberId) = await UserAsync();
        await owner.PutAsJsonAsync($"/api/programs/{appId}/members/{memberId}", new { role = "tester" });
        await otherOwner.PutAsJsonAsync($"/api/programs/{otherAppId}/members/{memberId}", new { role = "tester" });

        var first = (await ExchangeAsync(appId, secret, await CodeAsync(member, appId))).GetProperty("openid").GetString();
        var second = (await ExchangeAsync(appId, secret, await CodeAsync(member, appId))).GetProperty("openid").GetString();
        var elsewhere = (await ExchangeAsync(otherAppId, otherSecret, await CodeAsync(member, otherAppId))).GetProperty("openid").GetString();
        var ownerOpenId = (await ExchangeAsync(appId, secret, await CodeAsync(owner, appId))).GetProperty("openid").GetString();

        Assert.Equal(first, second);
        Assert.NotEqual(first, elsewhere);
        Assert.NotEqual(first, ownerOpenId);
    }

    [Fact]
    public async Task The_session_is_valid_after_a_login_and_codes_need_a_signed_in_user_who_may_run_the_program()
    {
        var (owner, appId, _) = await ProgramAsync();
        var (stranger, _) = await UserAsync();

        Assert.False((await owner.GetFromJsonAsync<JsonElement>($"/api/programs/{appId}/session")).GetProperty("valid").GetBoolean());
        await CodeAsync(owner, appId);
        Assert.True((await owner.GetFromJsonAsync<JsonElement>($"/api/programs/{appId}/session")).GetProperty("valid").GetBoolean());

        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsync($"/api/programs/{appId}/login-code", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsync($"/api/programs/{appId}/login-code", null)).StatusCode);
        var demo = Platform.MiniPrograms.AppId.FromSeed("demo:hello");
        Assert.Equal(HttpStatusCode.OK, (await stranger.PostAsync($"/api/programs/{demo}/login-code", null)).StatusCode);
    }

    [Fact]
    public async Task The_user_profile_is_the_callers_own_in_WeChats_shape()
    {
        var (client, _) = await UserAsync(nickname: "Grace");
        var demo = Platform.MiniPrograms.AppId.FromSeed("demo:hello");

        var profile = await client.GetFromJsonAsync<JsonElement>($"/api/programs/{demo}/user-profile");

        Assert.Equal("Grace", profile.GetProperty("nickName").GetString());
        Assert.Equal("", profile.GetProperty("avatarUrl").GetString());
    }
}
