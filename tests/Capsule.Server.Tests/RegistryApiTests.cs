using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Capsule.Platform.Data;
using Capsule.Platform.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Capsule.Server.Tests;

public sealed class RegistryApiTests(CapsuleApiFactory factory) : IClassFixture<CapsuleApiFactory>
{
    private const string Category = "transport/bike-sharing";

    private async Task<(HttpClient Client, string UserId)> UserAsync(bool developer = true)
    {
        var client = factory.CreateClient();
        var signUp = await client.PostAsJsonAsync("/api/account/sign-up", new { email = $"d{Guid.NewGuid():N}@capsule.test", password = "correct horse 42", nickname = "Dev" });
        var id = (await signUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        if (developer)
        {
            await client.PostAsync("/api/account/developer", null);
        }
        return (client, id);
    }

    private static string UniqueName(string prefix = "Bike") => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    private static async Task<JsonElement> RegisterAsync(HttpClient client, string name, string category = Category)
    {
        var response = await client.PostAsJsonAsync("/api/programs", new { name, category, description = "Unlock a bike", iconUrl = "https://img.example/bike.png" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public void The_taxonomy_has_over_200_second_level_categories_with_unique_codes()
    {
        var leaves = Categories.Tree.SelectMany(t => t.Children!).ToList();
        Assert.True(leaves.Count >= 200, $"{leaves.Count} categories");
        Assert.Equal(leaves.Count, leaves.Select(l => l.Code).Distinct().Count());
        Assert.Contains(Categories.Tree, t => t.Name == "E-commerce");
        Assert.Equal("Bike sharing", Categories.Find(Category)!.Value.Leaf.Name);
        Assert.Null(Categories.Find("transport"));
    }

    [Fact]
    public async Task A_developer_registers_a_program_and_gets_an_appid_and_a_secret_shown_once()
    {
        var (client, userId) = await UserAsync();
        var name = UniqueName();
        var program = await RegisterAsync(client, name);

        var appId = program.GetProperty("appId").GetString()!;
        Assert.Matches("^wx[0-9a-f]{16}$", appId);
        var secret = program.GetProperty("appSecret").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", secret);
        Assert.Equal(userId, program.GetProperty("ownerId").GetString());

        var mine = await client.GetFromJsonAsync<JsonElement>("/api/programs/mine");
        var listed = mine.EnumerateArray().Single(p => p.GetProperty("appId").GetString() == appId);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("appSecret").ValueKind);

        using var scope = factory.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<CapsuleDbContext>().MiniPrograms.SingleAsync(p => p.AppId == appId);
        Assert.NotEqual(secret, stored.AppSecretHash);
        Assert.True(AppSecret.Matches(secret, stored.AppSecretHash!));
    }

    [Theory]
    [InlineData("  {0}  ")]
    [InlineData("{0}")]
    public async Task Names_are_unique_after_normalization(string variant)
    {
        var (client, _) = await UserAsync();
        var name = UniqueName("Ｍｏｂｉｋｅ  Rides");
        await RegisterAsync(client, name);

        var duplicate = await client.PostAsJsonAsync("/api/programs", new { name = string.Format(System.Globalization.CultureInfo.InvariantCulture, variant, name.ToUpperInvariant().Replace("  ", " ", StringComparison.Ordinal)), category = Category });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("application/problem+json", duplicate.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("WeChat", Category, "name")]
    [InlineData("x", Category, "name")]
    [InlineData("Fuck bikes", Category, "name")]
    [InlineData("Good Bikes", "transport", "category")]
    [InlineData("Good Bikes", "no/such", "category")]
    public async Task Reserved_offensive_or_malformed_registrations_are_refused(string name, string category, string field)
    {
        var (client, _) = await UserAsync();
        var response = await client.PostAsJsonAsync("/api/programs", new { name, category });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Only_developers_register_and_only_signed_in_users_list()
    {
        var (user, _) = await UserAsync(developer: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.PostAsJsonAsync("/api/programs", new { name = UniqueName(), category = Category })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/programs/mine")).StatusCode);
    }

    [Fact]
    public async Task The_owner_rotates_the_secret_and_manages_members_and_no_one_else_can()
    {
        var (owner, _) = await UserAsync();
        var (other, otherId) = await UserAsync();
        var program = await RegisterAsync(owner, UniqueName());
        var appId = program.GetProperty("appId").GetString();

        var rotated = await (await owner.PostAsync($"/api/programs/{appId}/secret", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(program.GetProperty("appSecret").GetString(), rotated.GetProperty("appSecret").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"/api/programs/{appId}/secret", null)).StatusCode);

        var added = await owner.PutAsJsonAsync($"/api/programs/{appId}/members/{otherId}", new { role = "tester" });
        Assert.Equal("tester", (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("members")[0].GetProperty("role").GetString());
        var asMember = await other.GetFromJsonAsync<JsonElement>("/api/programs/mine");
        Assert.Contains(asMember.EnumerateArray(), p => p.GetProperty("appId").GetString() == appId);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync($"/api/programs/{appId}/members/{otherId}", new { role = "developer" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PutAsJsonAsync($"/api/programs/{appId}/members/{otherId}", new { role = "boss" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/programs/{appId}/members/{otherId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.DeleteAsync($"/api/programs/{appId}/members/{otherId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsync("/api/programs/wx0000000000000000/secret", null)).StatusCode);
    }

    [Theory]
    [InlineData("Hello Capsule")]
    [InlineData("  hello   CAPSULE ")]
    [InlineData("ｈｅｌｌｏ ｃａｐｓｕｌｅ")]
    public async Task Search_finds_a_released_program_by_its_exact_normalized_name(string query)
    {
        var answer = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/search?q={Uri.EscapeDataString(query)}");
        var result = Assert.Single(answer.GetProperty("results").EnumerateArray());
        Assert.Equal("Hello Capsule", result.GetProperty("name").GetString());
        Assert.Equal("Query services", result.GetProperty("categoryName").GetString());
        Assert.Matches("^wx[0-9a-f]{16}$", result.GetProperty("appId").GetString());
    }

    [Theory]
    [InlineData("Hello")]
    [InlineData("Hello Capsul")]
    [InlineData("Hello Capsule!")]
    [InlineData("Helo Capsule")]
    public async Task Search_finds_nothing_for_partial_or_fuzzy_names(string query)
    {
        var answer = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/search?q={Uri.EscapeDataString(query)}");
        Assert.Empty(answer.GetProperty("results").EnumerateArray());
    }

    [Fact]
    public async Task Search_does_not_show_unreleased_programs_and_refuses_empty_queries()
    {
        var (client, _) = await UserAsync();
        var name = UniqueName();
        await RegisterAsync(client, name);
        var answer = await client.GetFromJsonAsync<JsonElement>($"/api/search?q={Uri.EscapeDataString(name)}");
        Assert.Empty(answer.GetProperty("results").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/search?q=%20")).StatusCode);
    }
}
