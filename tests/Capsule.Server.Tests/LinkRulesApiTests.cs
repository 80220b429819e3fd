using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Capsule.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Capsule.Server.Tests;

/// <summary>
/// Ordinary link QR codes (WeChat's "扫普通链接二维码打开小程序"): who edits a program's link rules, what a rule may be,
/// and which program and page a scanned address opens.
/// </summary>
public sealed class LinkRulesApiTests(CapsuleApiFactory factory) : IClassFixture<CapsuleApiFactory>
{
    private const string Password = "correct horse 42";

    private async Task<(HttpClient Client, string Id)> UserAsync(bool developer = false)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/account/sign-up", new { email = $"k{Guid.NewGuid():N}@capsule.test", password = Password, nickname = "K" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        if (developer)
        {
            await client.PostAsync("/api/account/developer", null);
        }
        return (client, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
    }

    /// <summary>A domain of this test's own, so rules (unique across programs) never meet another test's.</summary>
    private static string Domain(string name) => $"https://{name}-{Guid.NewGuid().ToString("N")[..8]}.example.com";

    /// <summary>A program of the owner's whose request domain list holds <paramref name="domains"/>.</summary>
    private static async Task<string> ProgramAsync(HttpClient owner, params string[] domains)
    {
        var created = await owner.PostAsJsonAsync("/api/programs", new { name = $"Links {Guid.NewGuid().ToString("N")[..8]}", category = "tools/calculators" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var appId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("appId").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsJsonAsync($"/api/programs/{appId}/domains", new { request = domains })).StatusCode);
        return appId;
    }

    /// <summary>Uploads, has a reviewer approve and releases a version of the program.</summary>
    private async Task ReleaseAsync(HttpClient owner, string appId)
    {
        var (reviewer, reviewerId) = await UserAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Platform.Accounts.CapsuleUser>>();
            await users.AddToRoleAsync((await users.FindByIdAsync(reviewerId))!, Platform.Accounts.Roles.Reviewer);
        }
        var email = (await reviewer.GetFromJsonAsync<JsonElement>("/api/account/me")).GetProperty("email").GetString();
        await reviewer.PostAsJsonAsync("/api/account/sign-in", new { email, password = Password });
        var version = await TestPackages.UploadAsync(owner, appId, "1.0.0", TestPackages.Hello());
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync($"/api/programs/{appId}/versions/{version}/submit", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/reviews/{version}/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync($"/api/programs/{appId}/versions/{version}/release", new { })).StatusCode);
    }

    private static async Task<HttpResponseMessage> AddAsync(HttpClient client, string appId, string prefix, string page = "pages/index/index", bool released = true) =>
        await client.PostAsJsonAsync($"/api/programs/{appId}/link-rules", new { prefix, page, released });

    private static async Task<long> AddedAsync(HttpClient client, string appId, string prefix, string page = "pages/index/index", bool released = true)
    {
        var response = await AddAsync(client, appId, prefix, page, released);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static Task<HttpResponseMessage> MatchAsync(HttpClient client, string link) => client.PostAsJsonAsync("/api/link-rules/match", new { link });

    /// <summary>The appid and the query the page receives (each value decoded once, as the shell does) of a matching address.</summary>
    private static async Task<(string AppId, string Page, Dictionary<string, string> Query)> OpensAsync(HttpClient client, string link)
    {
        var response = await MatchAsync(client, link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var opened = await response.Content.ReadFromJsonAsync<JsonElement>();
        var path = opened.GetProperty("path").GetString()!;
        var mark = path.IndexOf('?', StringComparison.Ordinal);
        var query = path[(mark + 1)..].Split('&').Select(pair => pair.Split('=', 2)).ToDictionary(kv => kv[0], kv => Uri.UnescapeDataString(kv[1]));
        return (opened.GetProperty("appId").GetString()!, path[..mark], query);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}");
        }
    }

    [Fact]
    public async Task The_owner_and_developers_add_and_remove_rules_testers_only_list_them_and_others_are_refused()
    {
        var (owner, _) = await UserAsync(developer: true);
        var (developer, developerId) = await UserAsync();
        var (tester, testerId) = await UserAsync();
        var (stranger, _) = await UserAsync();
        var shop = Domain("shop");
        var appId = await ProgramAsync(owner, shop);
        await owner.PutAsJsonAsync($"/api/programs/{appId}/members/{developerId}", new { role = "developer" });
        await owner.PutAsJsonAsync($"/api/programs/{appId}/members/{testerId}", new { role = "tester" });

        await AddedAsync(owner, appId, $"{shop}/p/", released: false);
        var byDeveloper = await AddedAsync(developer, appId, $"{shop}/q?id=", "pages/detail/detail", released: false);
        var rules = await tester.GetFromJsonAsync<JsonElement[]>($"/api/programs/{appId}/link-rules");
        Assert.Equal([($"{shop}/p/", "pages/index/index", false), ($"{shop}/q?id=", "pages/detail/detail", false)],
            rules!.Select(r => (r.GetProperty("prefix").GetString(), r.GetProperty("page").GetString(), r.GetProperty("released").GetBoolean())));

        await AssertProblemAsync(await AddAsync(tester, appId, $"{shop}/t/", released: false), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await tester.DeleteAsync($"/api/programs/{appId}/link-rules/{byDeveloper}"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await stranger.GetAsync($"/api/programs/{appId}/link-rules"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await AddAsync(stranger, appId, $"{shop}/s/", released: false), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/programs/{appId}/link-rules")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await developer.DeleteAsync($"/api/programs/{appId}/link-rules/{byDeveloper}")).StatusCode);
        await AssertProblemAsync(await owner.DeleteAsync($"/api/programs/{appId}/link-rules/{byDeveloper}"), HttpStatusCode.NotFound);
        Assert.Single((await owner.GetFromJsonAsync<JsonElement[]>($"/api/programs/{appId}/link-rules"))!);
    }

    [Theory]
    [InlineData("http://{shop}/p/", "pages/index/index", "prefix")]
    [InlineData("https://unlisted.example.com/p/", "pages/index/index", "prefix")]
    [InlineData("https://localhost/p/", "pages/index/index", "prefix")]
    [InlineData("https://10.0.0.1/p/", "pages/index/index", "prefix")]
    [InlineData("https://{shop}/p/#top", "pages/index/index", "prefix")]
    [InlineData("shop.example.com/p/", "pages/index/index", "prefix")]
    [InlineData("", "pages/index/index", "prefix")]
    [InlineData("https://{shop}/p/", "/pages/index/index", "page")]
    [InlineData("https://{shop}/p/", "pages/index/index?id=1", "page")]
    [InlineData("https://{shop}/p/", "", "page")]
    public async Task A_rule_that_is_not_an_https_prefix_on_a_request_domain_with_a_page_path_is_refused(string prefix, string page, string field)
    {
        var (owner, _) = await UserAsync(developer: true);
        var shop = Domain("shop");
        var appId = await ProgramAsync(owner, shop);
        var response = await AddAsync(owner, appId, prefix.Replace("{shop}", shop["https://".Length..], StringComparison.Ordinal), page, released: false);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Empty((await owner.GetFromJsonAsync<JsonElement[]>($"/api/programs/{appId}/link-rules"))!);
    }

    [Fact]
    public async Task A_prefix_belongs_to_one_program_and_a_released_rule_needs_a_released_program()
    {
        var (owner, _) = await UserAsync(developer: true);
        var (rival, _) = await UserAsync(developer: true);
        var shop = Domain("shop");
        var appId = await ProgramAsync(owner, shop);
        var rivalAppId = await ProgramAsync(rival, shop);

        var unreleased = await AddAsync(owner, appId, $"{shop}/p/", released: true);
        await AssertProblemAsync(unreleased, HttpStatusCode.Conflict);
        Assert.Contains("released version", (await unreleased.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        await AddedAsync(owner, appId, $"{shop}/p/", released: false);
        await AssertProblemAsync(await AddAsync(owner, appId, $"{shop}/p/", released: false), HttpStatusCode.Conflict);
        await AssertProblemAsync(await AddAsync(rival, rivalAppId, $"{shop.ToUpperInvariant().Replace("HTTPS", "https", StringComparison.Ordinal)}/p/", released: false), HttpStatusCode.Conflict);
        await AddedAsync(rival, rivalAppId, $"{shop}/p/rival/", released: false);
    }

    [Fact]
    public async Task A_scanned_address_opens_the_page_of_the_longest_prefix_it_matches_with_q_and_scancode_time()
    {
        var (owner, _) = await UserAsync(developer: true);
        var (partner, _) = await UserAsync(developer: true);
        var (shop, other) = (Domain("shop"), Domain("other"));
        var appId = await ProgramAsync(owner, shop, other);
        var partnerAppId = await ProgramAsync(partner, shop);
        await ReleaseAsync(owner, appId);
        await ReleaseAsync(partner, partnerAppId);
        await AddedAsync(owner, appId, $"{shop}/", "pages/index/index");
        await AddedAsync(owner, appId, $"{shop}/p/", "pages/product/product");
        await AddedAsync(partner, partnerAppId, $"{shop}/p/partner/", "pages/partner/partner");
        await AddedAsync(owner, appId, $"{other}/exact", "pages/exact/exact");
        await AddedAsync(owner, appId, $"{other}/q?id=12", "pages/query/query");
        var (user, _) = await UserAsync();

        var scanned = $"{shop}/p/42?from=poster&x=a b";
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var (opened, page, query) = await OpensAsync(user, scanned);
        var after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.Equal((appId, "pages/product/product"), (opened, page));
        Assert.Equal(Uri.EscapeDataString(scanned), query["q"]);
        Assert.InRange(long.Parse(query["scancode_time"], System.Globalization.CultureInfo.InvariantCulture), before, after);
        Assert.Equal(["q", "scancode_time"], query.Keys);

        Assert.Equal((partnerAppId, "pages/partner/partner"), await PageOfAsync(user, $"{shop}/p/partner/7"));
        Assert.Equal((appId, "pages/index/index"), await PageOfAsync(user, $"{shop}/p"));
        Assert.Equal((appId, "pages/index/index"), await PageOfAsync(user, $"{shop.ToUpperInvariant().Replace("HTTPS", "https", StringComparison.Ordinal)}/about#top"));
        Assert.Equal((appId, "pages/exact/exact"), await PageOfAsync(user, $"{other}/exact?ref=1"));
        Assert.Equal((appId, "pages/query/query"), await PageOfAsync(user, $"{other}/q?id=123"));

        foreach (var unmatched in new[] { $"{other}/exactly", $"{other}/exact/1", $"{other}/q?id=21", $"{other}/q", $"http{shop[5..]}/p/1", Domain("nobody"), "just text" })
        {
            await AssertProblemAsync(await MatchAsync(user, unmatched), HttpStatusCode.NotFound);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await MatchAsync(factory.CreateClient(), scanned)).StatusCode);
    }

    [Fact]
    public async Task A_rule_not_released_or_of_a_program_not_released_opens_nothing_not_even_through_a_shorter_rule()
    {
        var (owner, _) = await UserAsync(developer: true);
        var (user, _) = await UserAsync();
        var (shop, draft) = (Domain("shop"), Domain("draft"));
        var appId = await ProgramAsync(owner, shop);
        var unreleasedAppId = await ProgramAsync(owner, draft);
        await ReleaseAsync(owner, appId);
        await AddedAsync(owner, appId, $"{shop}/p/", "pages/product/product");
        await AddedAsync(owner, appId, $"{shop}/p/soon/", "pages/soon/soon", released: false);
        await AddedAsync(owner, unreleasedAppId, $"{draft}/", released: false);

        Assert.Equal((appId, "pages/product/product"), await PageOfAsync(user, $"{shop}/p/1"));
        await AssertProblemAsync(await MatchAsync(user, $"{shop}/p/soon/1"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await MatchAsync(owner, $"{draft}/anything"), HttpStatusCode.NotFound);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CapsuleDbContext>();
            (await db.MiniPrograms.SingleAsync(p => p.AppId == appId)).ReleasedVersionId = null;
            await db.SaveChangesAsync();
        }
        await AssertProblemAsync(await MatchAsync(user, $"{shop}/p/1"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_address_too_long_to_open_is_refused_with_a_reason()
    {
        var (owner, _) = await UserAsync(developer: true);
        var shop = Domain("shop");
        var appId = await ProgramAsync(owner, shop);
        await ReleaseAsync(owner, appId);
        await AddedAsync(owner, appId, $"{shop}/p/");
        var (user, _) = await UserAsync();
        var response = await MatchAsync(user, $"{shop}/p/{new string('x', 1000)}");
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("too long", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    private static async Task<(string AppId, string Page)> PageOfAsync(HttpClient client, string link)
    {
        var (appId, page, _) = await OpensAsync(client, link);
        return (appId, page);
    }
}
