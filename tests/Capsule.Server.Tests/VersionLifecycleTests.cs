using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Capsule.Platform.Data;
using Capsule.Platform.MiniPrograms;
using Capsule.Platform.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Capsule.Server.Tests;

/// <summary>Trial, review, release (whole and phased), rollback, and what launch and search then answer.</summary>
public sealed class VersionLifecycleTests(CapsuleApiFactory factory) : IClassFixture<CapsuleApiFactory>
{
    private const string Password = "correct horse 42";

    private async Task<(HttpClient Client, string Id)> UserAsync(string? email = null)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/account/sign-up", new { email = email ?? $"l{Guid.NewGuid():N}@capsule.test", password = Password, nickname = "N" });
        return (client, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
    }

    /// <summary>A signed-in reviewer, made by an operator (signed in again so the cookie carries the role).</summary>
    private async Task<HttpClient> ReviewerAsync()
    {
        var (operatorClient, _) = await UserAsync($"op{Guid.NewGuid():N}@capsule.test");
        var email = $"r{Guid.NewGuid():N}@capsule.test";
        var (_, reviewerId) = await UserAsync(email);
        using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Platform.Accounts.CapsuleUser>>();
        await users.AddToRoleAsync((await users.FindByIdAsync(reviewerId))!, Platform.Accounts.Roles.Reviewer);
        var reviewer = factory.CreateClient();
        await reviewer.PostAsJsonAsync("/api/account/sign-in", new { email, password = Password });
        return reviewer;
    }

    private static Task<long> UploadAsync(HttpClient client, string appId, string number, string title) =>
        TestPackages.UploadAsync(client, appId, number,
            TestPackages.Hello(new Dictionary<string, string> { ["pages/index/index.json"] = $$"""{ "navigationBarTitleText": "{{title}}" }""" }));

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string url, object? body = null) =>
        (await client.PostAsJsonAsync(url, body ?? new { })).StatusCode;

    private static async Task<string> RegisterAsync(HttpClient owner, string name)
    {
        var response = await owner.PostAsJsonAsync("/api/programs", new { name, category = "tools/calculators" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("appId").GetString()!;
    }

    /// <summary>Uploads a version, submits it and has the reviewer approve it.</summary>
    private static async Task<long> ApprovedAsync(HttpClient owner, HttpClient reviewer, string appId, string number)
    {
        var version = await UploadAsync(owner, appId, number, number);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(owner, $"/api/programs/{appId}/versions/{version}/submit"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(reviewer, $"/api/reviews/{version}/approve"));
        return version;
    }

    private static async Task<JsonElement[]> SearchAsync(HttpClient client, string query) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/search?q={Uri.EscapeDataString(query)}")).GetProperty("results").EnumerateArray()];

    /// <summary>Changes a program through a context of the server's, as an editing feature would.</summary>
    private async Task EditAsync(string appId, Action<MiniProgram> edit)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapsuleDbContext>();
        edit(await db.MiniPrograms.SingleAsync(p => p.AppId == appId));
        await db.SaveChangesAsync();
    }

    private static async Task<string> LaunchedVersionAsync(HttpClient client, string appId, string query = "")
    {
        var response = await client.GetAsync($"/api/programs/{appId}/launch{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!;
    }

    [Fact]
    public async Task A_version_goes_from_upload_through_trial_and_review_to_release_and_back()
    {
        var (owner, _) = await UserAsync();
        await owner.PostAsync("/api/account/developer", null);
        var program = await (await owner.PostAsJsonAsync("/api/programs", new { name = $"Life {Guid.NewGuid().ToString("N")[..8]}", category = "tools/calculators" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var appId = program.GetProperty("appId").GetString()!;
        var reviewer = await ReviewerAsync();
        var anonymous = factory.CreateClient();
        var versions = $"/api/programs/{appId}/versions";

        var v1 = await UploadAsync(owner, appId, "1.0.0", "One");
        Assert.Equal(HttpStatusCode.Conflict, (await anonymous.GetAsync($"/api/programs/{appId}/launch")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, await PostAsync(owner, $"{versions}/{v1}/trial"));
        Assert.Equal("1.0.0", await LaunchedVersionAsync(owner, appId, "?version=trial"));
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync($"/api/programs/{appId}/launch?version=trial")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, await PostAsync(owner, $"{versions}/{v1}/release"));

        Assert.Equal(HttpStatusCode.OK, await PostAsync(owner, $"{versions}/{v1}/submit"));
        var queue = await reviewer.GetFromJsonAsync<JsonElement>("/api/reviews");
        Assert.Contains(queue.EnumerateArray(), item => item.GetProperty("version").GetProperty("id").GetInt64() == v1);
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(owner, $"/api/reviews/{v1}/approve"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(reviewer, $"/api/reviews/{v1}/reject", new { reason = " " }));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(reviewer, $"/api/reviews/{v1}/reject", new { reason = "The privacy notice is missing." }));
        var rejected = (await owner.GetFromJsonAsync<JsonElement>(versions))[0];
        Assert.Equal(("Rejected", "The privacy notice is missing."), (rejected.GetProperty("state").GetString(), rejected.GetProperty("reviewNote").GetString()));

        Assert.Equal(HttpStatusCode.OK, await PostAsync(owner, $"{versions}/{v1}/submit"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(reviewer, $"/api/reviews/{v1}/approve"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(owner, $"{versions}/{v1}/release"));
        Assert.Equal("1.0.0", await LaunchedVersionAsync(anonymous, appId));

        var v2 = await UploadAsync(owner, appId, "1.1.0", "Two");
        await PostAsync(owner, $"{versions}/{v2}/submit");
        await PostAsync(reviewer, $"/api/reviews/{v2}/approve");
        Assert.Equal(HttpStatusCode.OK, await PostAsync(owner, $"{versions}/{v2}/release", new { percentage = 30 }));
        Assert.Equal("1.0.0", await LaunchedVersionAsync(anonymous, appId));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(owner, $"{versions}/{v2}/release", new { percentage = 50 }));
        Assert.Equal(HttpStatusCode.Conflict, await PostAsync(owner, $"{versions}/{v2}/release", new { percentage = 20 }));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(owner, $"{versions}/{v2}/release", new { percentage = 0 }));

        Assert.Equal(HttpStatusCode.NoContent, await PostAsync(owner, $"/api/programs/{appId}/rollback"));
        Assert.Equal("1.0.0", await LaunchedVersionAsync(owner, appId));

        var v3 = await UploadAsync(owner, appId, "1.2.0", "Three");
        await PostAsync(owner, $"{versions}/{v3}/submit");
        await PostAsync(reviewer, $"/api/reviews/{v3}/approve");
        await PostAsync(owner, $"{versions}/{v3}/release");
        var launched = await anonymous.GetFromJsonAsync<JsonElement>($"/api/programs/{appId}/launch");
        Assert.Equal("1.2.0", launched.GetProperty("version").GetString());
        Assert.Equal("Three", launched.GetProperty("bundle").GetProperty("manifest").GetProperty("pageConfigs").GetProperty("pages/index/index").GetProperty("navigationBarTitleText").GetString());

        Assert.Equal(HttpStatusCode.NoContent, await PostAsync(owner, $"/api/programs/{appId}/rollback"));
        Assert.Equal("1.0.0", await LaunchedVersionAsync(anonymous, appId));
        Assert.Equal(HttpStatusCode.Conflict, await PostAsync(owner, $"/api/programs/{appId}/rollback"));
        Assert.Equal("1.2.0", await LaunchedVersionAsync(owner, appId, "?version=develop"));
    }

    [Fact]
    public async Task Search_finds_a_program_as_soon_as_it_is_released_and_still_after_a_rollback()
    {
        var (owner, _) = await UserAsync();
        await owner.PostAsync("/api/account/developer", null);
        var name = $"Found {Guid.NewGuid().ToString("N")[..8]}";
        var appId = await RegisterAsync(owner, name);
        var reviewer = await ReviewerAsync();
        var anonymous = factory.CreateClient();

        Assert.Empty(await SearchAsync(anonymous, name));
        var v1 = await ApprovedAsync(owner, reviewer, appId, "1.0.0");
        Assert.Empty(await SearchAsync(anonymous, name));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(owner, $"/api/programs/{appId}/versions/{v1}/release"));
        Assert.Equal(appId, Assert.Single(await SearchAsync(anonymous, name.ToUpperInvariant())).GetProperty("appId").GetString());

        var v2 = await ApprovedAsync(owner, reviewer, appId, "1.1.0");
        Assert.Equal(HttpStatusCode.OK, await PostAsync(owner, $"/api/programs/{appId}/versions/{v2}/release"));
        Assert.Single(await SearchAsync(anonymous, name));
        Assert.Equal(HttpStatusCode.NoContent, await PostAsync(owner, $"/api/programs/{appId}/rollback"));
        Assert.Equal(appId, Assert.Single(await SearchAsync(anonymous, name)).GetProperty("appId").GetString());
        Assert.Equal("1.0.0", await LaunchedVersionAsync(anonymous, appId));
    }

    [Fact]
    public async Task Search_answers_change_at_once_when_a_program_is_renamed_edited_or_taken_down()
    {
        var (owner, _) = await UserAsync();
        await owner.PostAsync("/api/account/developer", null);
        var name = $"Edited {Guid.NewGuid().ToString("N")[..8]}";
        var appId = await RegisterAsync(owner, name);
        var version = await ApprovedAsync(owner, await ReviewerAsync(), appId, "1.0.0");
        await PostAsync(owner, $"/api/programs/{appId}/versions/{version}/release");
        var anonymous = factory.CreateClient();
        var renamed = $"Renamed {Guid.NewGuid().ToString("N")[..8]}";
        Assert.Single(await SearchAsync(anonymous, name));
        Assert.Empty(await SearchAsync(anonymous, renamed));

        await EditAsync(appId, p => (p.Name, p.NormalizedName) = (renamed, ProgramName.Normalize(renamed)));
        Assert.Empty(await SearchAsync(anonymous, name));
        Assert.Equal(renamed, Assert.Single(await SearchAsync(anonymous, renamed)).GetProperty("name").GetString());

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CapsuleDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var program = await db.MiniPrograms.SingleAsync(p => p.AppId == appId);
            (program.Description, program.Category, program.IconUrl) = ("Sums and more", "tools/calculators", "https://img.example/sum.png");
            await db.SaveChangesAsync();
            Assert.Equal("", Assert.Single(await SearchAsync(anonymous, renamed)).GetProperty("description").GetString());
            await transaction.CommitAsync();
        }
        var edited = Assert.Single(await SearchAsync(anonymous, renamed));
        Assert.Equal(("Sums and more", "tools/calculators", "Calculators", "https://img.example/sum.png"),
            (edited.GetProperty("description").GetString(), edited.GetProperty("category").GetString(),
             edited.GetProperty("categoryName").GetString(), edited.GetProperty("iconUrl").GetString()));

        await EditAsync(appId, p => p.ReleasedVersionId = null);
        Assert.Empty(await SearchAsync(anonymous, renamed));
    }

    [Fact]
    public async Task Only_the_owner_releases_and_rolls_back()
    {
        var (owner, _) = await UserAsync();
        await owner.PostAsync("/api/account/developer", null);
        var (developer, developerId) = await UserAsync();
        var appId = (await (await owner.PostAsJsonAsync("/api/programs", new { name = $"Own {Guid.NewGuid().ToString("N")[..8]}", category = "tools/calculators" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("appId").GetString()!;
        await owner.PutAsJsonAsync($"/api/programs/{appId}/members/{developerId}", new { role = "developer" });

        var version = await UploadAsync(developer, appId, "1.0.0", "Dev");
        Assert.Equal(HttpStatusCode.OK, await PostAsync(developer, $"/api/programs/{appId}/versions/{version}/submit"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(developer, $"/api/programs/{appId}/versions/{version}/release"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(developer, $"/api/programs/{appId}/rollback"));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync(owner, $"/api/programs/{appId}/versions/999999/submit"));
    }

    [Theory]
    [InlineData("?client=0.9.0")]
    [InlineData("?client=not-a-version")]
    public async Task An_outdated_shell_is_asked_to_update(string query)
    {
        var response = await factory.CreateClient().GetAsync($"/api/programs/{AnyDemoAppId()}/launch{query}");
        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        Assert.Contains("Please update", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_current_shell_reporting_its_version_in_the_header_opens_programs()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Capsule-Client", "1.0.0");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/programs/{AnyDemoAppId()}/launch")).StatusCode);
        client.DefaultRequestHeaders.Remove("X-Capsule-Client");
        client.DefaultRequestHeaders.Add("X-Capsule-Client", "0.1");
        Assert.Equal(HttpStatusCode.UpgradeRequired, (await client.GetAsync($"/api/programs/{AnyDemoAppId()}/launch")).StatusCode);
    }

    [Fact]
    public void Phased_release_membership_is_stable_proportional_and_only_grows()
    {
        var users = Enumerable.Range(0, 2000).Select(i => $"user-{i}").ToList();
        var at30 = users.Count(u => VersionLifecycle.InPhase("wx0123456789abcdef", u, 30));
        Assert.InRange(at30, 500, 700);
        Assert.All(users, u => Assert.Equal(VersionLifecycle.InPhase("wx0123456789abcdef", u, 30), VersionLifecycle.InPhase("wx0123456789abcdef", u, 30)));
        Assert.All(users.Where(u => VersionLifecycle.InPhase("wx0123456789abcdef", u, 30)), u => Assert.True(VersionLifecycle.InPhase("wx0123456789abcdef", u, 50)));
        Assert.All(users, u => Assert.True(VersionLifecycle.InPhase("wx0123456789abcdef", u, 100)));
    }

    private static string AnyDemoAppId() => Platform.MiniPrograms.AppId.FromSeed("demo:hello");
}
