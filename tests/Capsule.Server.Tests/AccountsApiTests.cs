using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Capsule.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Capsule.Server.Tests;

public sealed class AccountsApiTests(CapsuleApiFactory factory) : IClassFixture<CapsuleApiFactory>
{
    private const string Password = "correct horse 42";

    private static string NewEmail() => $"u{Guid.NewGuid():N}@capsule.test";

    private async Task<(HttpClient Client, JsonElement Profile)> SignUpAsync(string? email = null)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/account/sign-up", new { email = email ?? NewEmail(), password = Password, nickname = "Ann" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (client, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Sign_up_signs_the_user_in_with_the_user_role()
    {
        var (client, profile) = await SignUpAsync();
        Assert.Equal("Ann", profile.GetProperty("nickname").GetString());
        Assert.Equal(["user"], profile.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var me = await client.GetFromJsonAsync<JsonElement>("/api/account/me");
        Assert.Equal(profile.GetProperty("id").GetString(), me.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Sign_up_refuses_a_taken_email_a_weak_password_and_an_empty_nickname()
    {
        var email = NewEmail();
        await SignUpAsync(email);
        var client = factory.CreateClient();

        var taken = await client.PostAsJsonAsync("/api/account/sign-up", new { email, password = Password, nickname = "B" });
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.True((await ProblemAsync(taken)).GetProperty("errors").TryGetProperty("email", out _));

        var weak = await client.PostAsJsonAsync("/api/account/sign-up", new { email = NewEmail(), password = "short", nickname = "B" });
        Assert.True((await ProblemAsync(weak)).GetProperty("errors").TryGetProperty("password", out _));

        var nameless = await client.PostAsJsonAsync("/api/account/sign-up", new { email = NewEmail(), password = Password, nickname = "  " });
        Assert.True((await ProblemAsync(nameless)).GetProperty("errors").TryGetProperty("nickname", out _));
    }

    [Fact]
    public async Task Wrong_passwords_fail_and_lock_the_account_after_five()
    {
        var email = NewEmail();
        await SignUpAsync(email);
        var client = factory.CreateClient();

        for (var i = 0; i < 4; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/account/sign-in", new { email, password = "not it at all" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal("The email or password is wrong.", (await ProblemAsync(wrong)).GetProperty("detail").GetString());
        }
        var fifth = await client.PostAsJsonAsync("/api/account/sign-in", new { email, password = "not it at all" });
        Assert.Equal(HttpStatusCode.Locked, fifth.StatusCode);
        var right = await client.PostAsJsonAsync("/api/account/sign-in", new { email, password = Password });
        Assert.Equal(HttpStatusCode.Locked, right.StatusCode);
    }

    [Fact]
    public async Task Sign_in_and_sign_out_control_the_session()
    {
        var email = NewEmail();
        await SignUpAsync(email);
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/account/me")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/account/sign-in", new { email, password = Password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/account/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/account/sign-out", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task The_profile_can_be_changed_with_valid_values_only()
    {
        var (client, _) = await SignUpAsync();
        var updated = await client.PutAsJsonAsync("/api/account/me", new { nickname = "Bo", avatarUrl = "https://img.example/a.png" });
        Assert.Equal("Bo", (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nickname").GetString());

        var insecure = await client.PutAsJsonAsync("/api/account/me", new { nickname = "Bo", avatarUrl = "javascript:alert(1)" });
        Assert.Equal(HttpStatusCode.BadRequest, insecure.StatusCode);
        Assert.True((await ProblemAsync(insecure)).GetProperty("errors").TryGetProperty("avatarUrl", out _));
    }

    [Fact]
    public async Task Access_tokens_work_until_revoked_and_are_stored_hashed()
    {
        var (client, _) = await SignUpAsync();
        var created = await client.PostAsJsonAsync("/api/account/tokens", new { name = "laptop" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = await created.Content.ReadFromJsonAsync<JsonElement>();
        var secret = token.GetProperty("secret").GetString()!;
        Assert.StartsWith("cpat_", secret);
        Assert.StartsWith(token.GetProperty("prefix").GetString()!, secret);

        var cli = factory.CreateClient(new() { HandleCookies = false });
        cli.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await cli.GetAsync("/api/account/me")).StatusCode);

        var listed = await client.GetFromJsonAsync<JsonElement>("/api/account/tokens");
        Assert.False(listed[0].TryGetProperty("secret", out var shown) && shown.ValueKind == JsonValueKind.String);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CapsuleDbContext>();
            var stored = await db.PersonalAccessTokens.SingleAsync(t => t.Id == token.GetProperty("id").GetInt64());
            Assert.DoesNotContain(secret, stored.SecretHash);
            Assert.Equal(64, stored.SecretHash.Length);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/account/tokens/{token.GetProperty("id").GetInt64()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cli.GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_token_is_refused()
    {
        var cli = factory.CreateClient(new() { HandleCookies = false });
        cli.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "cpat_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await cli.GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task Anyone_can_become_a_developer_but_only_operators_grant_roles()
    {
        var (client, profile) = await SignUpAsync();
        var developer = await (await client.PostAsync("/api/account/developer", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("developer", developer.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var id = profile.GetProperty("id").GetString();
        var refused = await client.PostAsJsonAsync($"/api/users/{id}/roles", new { role = "reviewer" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var (operatorClient, operatorProfile) = await SignUpAsync(OperatorEmailOnce());
        Assert.Contains("operator", operatorProfile.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var granted = await operatorClient.PostAsJsonAsync($"/api/users/{id}/roles", new { role = "reviewer" });
        Assert.Contains("reviewer", (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var unknownRole = await operatorClient.PostAsJsonAsync($"/api/users/{id}/roles", new { role = "king" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownRole.StatusCode);
        var unknownUser = await operatorClient.PostAsJsonAsync("/api/users/nobody/roles", new { role = "reviewer" });
        Assert.Equal(HttpStatusCode.NotFound, unknownUser.StatusCode);
    }

    /// <summary>The operator account of this factory, signed up by the one test that needs it.</summary>
    private static string OperatorEmailOnce() => CapsuleApiFactory.OperatorEmail;
}

/// <summary>A server whose sign-in limit is three a minute.</summary>
public sealed class RateLimitedApiFactory : CapsuleApiFactory
{
    protected override int SignInPerMinute => 3;
}

public sealed class SignInRateLimitTests(RateLimitedApiFactory factory) : IClassFixture<RateLimitedApiFactory>
{
    [Fact]
    public async Task Sign_in_attempts_past_the_limit_get_429()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsJsonAsync("/api/account/sign-in", new { email = "nobody@capsule.test", password = "whatever123" });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        var limited = await client.PostAsJsonAsync("/api/account/sign-in", new { email = "nobody@capsule.test", password = "whatever123" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
    }
}
