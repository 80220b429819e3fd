using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Capsule.Platform.Data;
using Capsule.Platform.MiniPrograms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Capsule.Server.Tests;

/// <summary>What a launch records, what it refuses, and how bundles travel.</summary>
public sealed class LaunchRulesTests(CapsuleApiFactory factory) : IClassFixture<CapsuleApiFactory>
{
    private static readonly string s_hello = AppId.FromSeed("demo:hello");

    [Fact]
    public async Task A_launch_records_the_visit_with_its_path_scene_and_user()
    {
        var client = factory.CreateClient();
        var signUp = await client.PostAsJsonAsync("/api/account/sign-up", new { email = $"t{Guid.NewGuid():N}@capsule.test", password = "correct horse 42", nickname = "T" });
        var userId = (await signUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var response = await client.GetAsync($"/api/programs/{s_hello}/launch?path=pages/index/index%3Fid%3D7&scene=1007");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CapsuleDbContext>();
        var visit = await db.Visits.OrderByDescending(v => v.Id).FirstAsync(v => v.UserId == userId);
        Assert.Equal(("pages/index/index?id=7", 1007), (visit.Path, visit.Scene));

        await factory.CreateClient().GetAsync($"/api/programs/{s_hello}/launch");
        Assert.Contains(await db.Visits.ToListAsync(), v => v.UserId is null && v.Scene == 1001);
    }

    [Theory]
    [InlineData("?scene=999")]
    [InlineData("?scene=20000")]
    public async Task A_scene_outside_wechats_range_is_refused(string query) =>
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.CreateClient().GetAsync($"/api/programs/{s_hello}/launch{query}")).StatusCode);

    [Fact]
    public async Task A_version_that_needs_a_newer_base_library_asks_for_an_update()
    {
        var owner = factory.CreateClient();
        await owner.PostAsJsonAsync("/api/account/sign-up", new { email = $"b{Guid.NewGuid():N}@capsule.test", password = "correct horse 42", nickname = "B" });
        await owner.PostAsync("/api/account/developer", null);
        var appId = (await (await owner.PostAsJsonAsync("/api/programs", new { name = $"Lib {Guid.NewGuid().ToString("N")[..8]}", category = "tools/calculators" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("appId").GetString()!;
        var id = await TestPackages.UploadAsync(owner, appId, "1.0.0",
            TestPackages.Hello(new Dictionary<string, string> { ["project.config.json"] = """{ "libVersion": "9.2.0" }""" }));
        await owner.PostAsync($"/api/programs/{appId}/versions/{id}/trial", null);

        owner.DefaultRequestHeaders.Add("X-Capsule-Base-Library", "3.9.0");
        var old = await owner.GetAsync($"/api/programs/{appId}/launch?version=trial");
        Assert.Equal(HttpStatusCode.UpgradeRequired, old.StatusCode);
        Assert.Contains("needs base library 9.2.0", (await old.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        owner.DefaultRequestHeaders.Remove("X-Capsule-Base-Library");
        owner.DefaultRequestHeaders.Add("X-Capsule-Base-Library", "9.2.1");
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/programs/{appId}/launch?version=trial")).StatusCode);
    }

    [Fact]
    public async Task Bundle_scripts_are_compressed_for_clients_that_accept_it()
    {
        var client = factory.CreateClient();
        var launch = await client.GetFromJsonAsync<JsonElement>($"/api/programs/{s_hello}/launch");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/bundles/{launch.GetProperty("bundle").GetProperty("manifest").GetProperty("view").GetString()}");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
    }
}
