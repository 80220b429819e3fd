using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Capsule.Platform.MiniPrograms;
using Microsoft.AspNetCore.Hosting;

namespace Capsule.Server.Tests;

/// <summary>The Discover bar's lists, the capsule menu's About and Feedback, Add to Home Screen, and the shell version gate.</summary>
public sealed class DiscoveryApiTests(CapsuleApiFactory factory) : IClassFixture<CapsuleApiFactory>
{
    private static readonly string s_hello = AppId.FromSeed("demo:hello");
    private static readonly string s_todo = AppId.FromSeed("demo:todo");
    private static readonly string s_shop = AppId.FromSeed("demo:shop");

    private async Task<HttpClient> SignedInAsync()
    {
        var client = factory.CreateClient();
        var signUp = await client.PostAsJsonAsync("/api/account/sign-up", new { email = $"d{Guid.NewGuid():N}@capsule.test", password = "correct horse 42", nickname = "D" });
        Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        return client;
    }

    private static async Task<(bool Used, string[] Recent, string[] Mine, string[] Pinned)> ShelfAsync(HttpClient client)
    {
        var shelf = await client.GetFromJsonAsync<JsonElement>("/api/discover");
        string[] AppIds(string list) => [.. shelf.GetProperty(list).EnumerateArray().Select(e => e.GetProperty("appId").GetString()!)];
        return (shelf.GetProperty("hasUsedPrograms").GetBoolean(), AppIds("recent"), AppIds("mine"), AppIds("pinned"));
    }

    [Fact]
    public async Task Launches_fill_the_recent_list_most_recent_first_and_removal_keeps_the_entry()
    {
        var user = await SignedInAsync();
        Assert.Equal((false, 0), ((await ShelfAsync(user)).Used, (await ShelfAsync(user)).Recent.Length));
        foreach (var appId in new[] { s_hello, s_todo, s_hello })
        {
            Assert.Equal(HttpStatusCode.OK, (await user.GetAsync($"/api/programs/{appId}/launch?scene=1001")).StatusCode);
        }
        var shelf = await ShelfAsync(user);
        Assert.True(shelf.Used);
        Assert.Equal([s_hello, s_todo], shelf.Recent);

        Assert.Equal(HttpStatusCode.NoContent, (await user.DeleteAsync($"/api/discover/recent/{s_hello}")).StatusCode);
        shelf = await ShelfAsync(user);
        Assert.Equal([s_todo], shelf.Recent);
        Assert.True(shelf.Used);
        Assert.Empty((await ShelfAsync(await SignedInAsync())).Recent);
    }

    [Fact]
    public async Task My_mini_programs_are_added_reordered_and_removed()
    {
        var user = await SignedInAsync();
        foreach (var appId in new[] { s_hello, s_todo, s_shop, s_todo })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await user.PutAsync($"/api/discover/mine/{appId}", null)).StatusCode);
        }
        Assert.Equal([s_hello, s_todo, s_shop], (await ShelfAsync(user)).Mine);

        Assert.Equal(HttpStatusCode.NoContent, (await user.PutAsJsonAsync("/api/discover/mine", new { appIds = new[] { s_shop, s_hello, s_todo } })).StatusCode);
        Assert.Equal([s_shop, s_hello, s_todo], (await ShelfAsync(user)).Mine);
        Assert.Equal(HttpStatusCode.BadRequest, (await user.PutAsJsonAsync("/api/discover/mine", new { appIds = new[] { s_shop, s_hello } })).StatusCode);
        Assert.Equal([s_shop, s_hello, s_todo], (await ShelfAsync(user)).Mine);

        Assert.Equal(HttpStatusCode.NoContent, (await user.DeleteAsync($"/api/discover/mine/{s_hello}")).StatusCode);
        Assert.Equal([s_shop, s_todo], (await ShelfAsync(user)).Mine);
        Assert.Equal(HttpStatusCode.NotFound, (await user.PutAsync("/api/discover/mine/wx0000000000000000", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/discover")).StatusCode);
    }

    [Fact]
    public async Task Programs_are_displayed_on_top_in_the_order_pinned_and_unpinned()
    {
        var user = await SignedInAsync();
        await user.PutAsync($"/api/discover/pinned/{s_todo}", null);
        await user.PutAsync($"/api/discover/pinned/{s_hello}", null);
        Assert.Equal([s_todo, s_hello], (await ShelfAsync(user)).Pinned);
        Assert.Equal(HttpStatusCode.NoContent, (await user.DeleteAsync($"/api/discover/pinned/{s_todo}")).StatusCode);
        Assert.Equal([s_hello], (await ShelfAsync(user)).Pinned);
    }

    [Fact]
    public async Task About_shows_the_profile_and_feedback_reaches_only_the_team()
    {
        var user = await SignedInAsync();
        var profile = await user.GetFromJsonAsync<JsonElement>($"/api/programs/{s_hello}/profile");
        Assert.Equal("Hello Capsule", profile.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(profile.GetProperty("version").GetString()));
        Assert.False(string.IsNullOrEmpty(profile.GetProperty("categoryName").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await user.PostAsJsonAsync($"/api/programs/{s_hello}/feedback", new { text = "The button is too small" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await user.PostAsJsonAsync($"/api/programs/{s_hello}/feedback", new { text = " " })).StatusCode);
        // Demo programs have no team: nobody but an owner or member reads feedback.
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync($"/api/programs/{s_hello}/feedback")).StatusCode);
    }

    [Fact]
    public async Task The_home_screen_manifest_starts_the_program_with_scene_1023()
    {
        var client = factory.CreateClient();
        var response = await client.GetAsync($"/api/programs/{s_hello}/home-screen.webmanifest");
        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType?.MediaType);
        var manifest = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/#/mp/{s_hello}?scene=1023", manifest.GetProperty("start_url").GetString());
        Assert.Equal("standalone", manifest.GetProperty("display").GetString());
        Assert.Equal("Hello Capsule", manifest.GetProperty("name").GetString());
        var icon = manifest.GetProperty("icons")[0].GetProperty("src").GetString()!;
        Assert.Equal("image/svg+xml", (await client.GetAsync(icon)).Content.Headers.ContentType?.MediaType);

        var page = await client.GetStringAsync($"/home/{s_hello}");
        Assert.Contains($"""<link rel="manifest" href="/api/programs/{s_hello}/home-screen.webmanifest">""", page);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/programs/wx0000000000000000/home-screen.webmanifest")).StatusCode);
    }
}

/// <summary>A server whose minimum shell version is above this shell's (1.0.0).</summary>
public sealed class NewerMinimumFactory : CapsuleApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Capsule:MinimumClientVersion", "2.0.0");
    }
}

public sealed class VersionGateTests(NewerMinimumFactory factory) : IClassFixture<NewerMinimumFactory>
{
    [Fact]
    public async Task A_shell_older_than_the_configured_minimum_gets_426_with_a_readable_detail()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Capsule-Client", "1.0.0");
        var response = await client.GetAsync($"/api/programs/{AppId.FromSeed("demo:hello")}/launch");
        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("need Capsule 2.0.0 or later", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}
