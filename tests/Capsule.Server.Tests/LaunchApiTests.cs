using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Capsule.Server.Tests;

public sealed class LaunchApiTests(CapsuleApiFactory factory) : IClassFixture<CapsuleApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Health_answers_ok_once_started()
    {
        var response = await _client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Demo_programs_lists_the_published_samples()
    {
        var demos = await _client.GetFromJsonAsync<JsonElement>("/api/programs/demo");
        var hello = demos.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Hello Capsule");
        Assert.Matches("^wx[0-9a-f]{16}$", hello.GetProperty("appId").GetString());
        Assert.Contains("data bindings", hello.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Launch_answers_the_released_bundle_manifest()
    {
        var launch = await _client.GetFromJsonAsync<JsonElement>($"/api/programs/{await HelloAppIdAsync()}/launch");
        Assert.Equal("Hello Capsule", launch.GetProperty("name").GetString());
        var bundle = launch.GetProperty("bundle");
        Assert.Equal("/bundles/", bundle.GetProperty("baseUrl").GetString());
        var manifest = bundle.GetProperty("manifest");
        Assert.Equal("pages/index/index", manifest.GetProperty("entryPagePath").GetString());
        Assert.Equal("Fruit stall", manifest.GetProperty("pageConfigs").GetProperty("pages/index/index").GetProperty("navigationBarTitleText").GetString());
        Assert.Matches("^[0-9a-f]{32}\\.js$", manifest.GetProperty("view").GetString());
    }

    [Fact]
    public async Task Bundle_files_are_immutable_and_revalidate_by_etag()
    {
        var launch = await _client.GetFromJsonAsync<JsonElement>($"/api/programs/{await HelloAppIdAsync()}/launch");
        var view = launch.GetProperty("bundle").GetProperty("manifest").GetProperty("view").GetString();

        var response = await _client.GetAsync($"/bundles/{view}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        Assert.Contains("__capsuleRegisterViews", await response.Content.ReadAsStringAsync());
        var etag = response.Headers.ETag!;

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/bundles/{view}");
        conditional.Headers.IfNoneMatch.Add(etag);
        var revalidated = await _client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task Program_images_are_served_by_type_and_may_run_nothing_when_opened()
    {
        var launch = await _client.GetFromJsonAsync<JsonElement>($"/api/programs/{await HelloAppIdAsync()}/launch");
        var logo = launch.GetProperty("bundle").GetProperty("manifest").GetProperty("assets").GetProperty("images/logo.svg").GetString();

        var response = await _client.GetAsync($"/bundles/{logo}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("sandbox", policy);
        Assert.Contains("default-src 'none'", policy);
    }

    [Theory]
    [InlineData("/bundles/..%2Fcapsule.db")]
    [InlineData("/bundles/capsule.db")]
    [InlineData("/bundles/00000000000000000000000000000000.js")]
    public async Task Unknown_or_malformed_bundle_names_are_not_found(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_appid_is_a_404_problem()
    {
        var response = await _client.GetAsync("/api/programs/wx0000000000000000/launch");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("There is no mini program with appid wx0000000000000000.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_malformed_appid_is_a_400_problem()
    {
        var response = await _client.GetAsync("/api/programs/not-an-appid/launch");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_launch_endpoint()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/programs/{appId}/launch", out _));
    }

    private async Task<string> HelloAppIdAsync()
    {
        var demos = await _client.GetFromJsonAsync<JsonElement>("/api/programs/demo");
        return demos.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Hello Capsule").GetProperty("appId").GetString()!;
    }
}
