using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Capsule.Network;
using Capsule.Platform.Data;
using Capsule.Platform.MiniPrograms;
using Capsule.Platform.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Capsule.Server.Tests.Network;

/// <summary>The proxy that carries wx.request, wx.uploadFile and wx.downloadFile, against a real local HTTPS upstream.</summary>
public sealed class ProxyApiTests(ProxyApiFactory factory) : IClassFixture<ProxyApiFactory>
{
    private static readonly string s_demoAppId = AppId.FromSeed("demo:hello");

    private string Url(string path) => factory.Upstream.Origin + path;

    private async Task<(HttpClient Client, string Id)> UserAsync(bool developer = false)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/account/sign-up", new { email = $"p{Guid.NewGuid():N}@capsule.test", password = "correct horse 42", nickname = "P" });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        if (developer)
        {
            await client.PostAsync("/api/account/developer", null);
        }
        return (client, id);
    }

    /// <summary>Lists the upstream for a program directly in the database: the API refuses localhost, as WeChat does.</summary>
    private async Task ListUpstreamAsync(string appId, params DomainKind[] kinds)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CapsuleDbContext>();
        var program = await db.MiniPrograms.SingleAsync(p => p.AppId == appId);
        foreach (var kind in kinds)
        {
            if (!await db.ServerDomains.AnyAsync(d => d.MiniProgramId == program.Id && d.Kind == kind && d.Origin == factory.Upstream.Origin))
            {
                db.ServerDomains.Add(new ServerDomain { MiniProgramId = program.Id, Kind = kind, Origin = factory.Upstream.Origin });
            }
        }
        await db.SaveChangesAsync();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(HttpClient client, string appId, string kind, object call)
    {
        var response = await client.PostAsJsonAsync($"/api/programs/{appId}/proxy/{kind}", call);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static string Body(JsonElement answer) => Encoding.UTF8.GetString(Convert.FromBase64String(answer.GetProperty("dataBase64").GetString()!));

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task A_request_to_a_listed_domain_answers_status_headers_and_body_without_cookies()
    {
        await ListUpstreamAsync(s_demoAppId, DomainKind.Request);
        var (client, _) = await UserAsync();

        var (status, answer) = await CallAsync(client, s_demoAppId, "request", new { url = Url("/json"), method = "GET" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, answer.GetProperty("statusCode").GetInt32());
        Assert.Equal("""{"hello":"world"}""", Body(answer));
        var header = answer.GetProperty("header");
        Assert.Equal("yes", header.GetProperty("X-Upstream").GetString());
        Assert.False(header.TryGetProperty("Set-Cookie", out _));
    }

    [Fact]
    public async Task A_post_carries_its_body_and_headers_but_no_cookie_or_host()
    {
        await ListUpstreamAsync(s_demoAppId, DomainKind.Request);
        var (client, _) = await UserAsync();

        var (_, answer) = await CallAsync(client, s_demoAppId, "request", new
        {
            url = Url("/echo"),
            method = "post",
            header = new Dictionary<string, string> { ["X-Custom"] = "a", ["Cookie"] = "c=1", ["Content-Type"] = "application/json", ["Host"] = "evil.example" },
            dataBase64 = Base64("""{"n":1}"""),
        });

        var echo = JsonDocument.Parse(Body(answer)).RootElement;
        Assert.Equal("POST", echo.GetProperty("method").GetString());
        Assert.Equal("""{"n":1}""", echo.GetProperty("body").GetString());
        Assert.Equal("application/json", echo.GetProperty("contentType").GetString());
        Assert.Equal("a", echo.GetProperty("custom").GetString());
        Assert.Equal("", echo.GetProperty("cookie").GetString());
        Assert.StartsWith("Capsule-MiniProgram", echo.GetProperty("userAgent").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_2xx_answer_and_a_redirect_are_passed_through_as_successful_calls()
    {
        await ListUpstreamAsync(s_demoAppId, DomainKind.Request);
        var (client, _) = await UserAsync();

        var (status, missing) = await CallAsync(client, s_demoAppId, "request", new { url = Url("/missing") });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(404, missing.GetProperty("statusCode").GetInt32());
        Assert.Equal("nope", Body(missing));

        var (_, redirect) = await CallAsync(client, s_demoAppId, "request", new { url = Url("/redirect") });
        Assert.Equal(302, redirect.GetProperty("statusCode").GetInt32());
        Assert.Equal("https://example.com/", redirect.GetProperty("header").GetProperty("Location").GetString());
    }

    [Theory]
    [InlineData("https://example.org/api")]
    [InlineData("http://localhost:{0}/json")]
    [InlineData("https://localhost/json")]
    [InlineData("https://localhost:1/json")]
    public async Task A_url_outside_the_domain_list_fails_as_in_WeChat(string template)
    {
        await ListUpstreamAsync(s_demoAppId, DomainKind.Request);
        var (client, _) = await UserAsync();

        var (status, problem) = await CallAsync(client, s_demoAppId, "request", new { url = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, factory.Upstream.Port) });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("url not in domain list", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_web_view_may_show_an_https_page_of_a_domain_in_the_request_list_only()
    {
        await ListUpstreamAsync(s_demoAppId, DomainKind.Request);
        var (client, _) = await UserAsync();
        async Task<(HttpStatusCode Status, JsonElement Body)> CheckAsync(string url)
        {
            var response = await client.GetAsync($"/api/programs/{s_demoAppId}/web-view?url={Uri.EscapeDataString(url)}");
            return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
        }

        var (status, page) = await CheckAsync(Url("/guide?x=1"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Url("/guide?x=1"), page.GetProperty("url").GetString());

        var (refused, problem) = await CheckAsync("https://elsewhere.example.org/page");
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Equal("https://elsewhere.example.org is not in the program's domain list", problem.GetProperty("detail").GetString());

        var (plain, insecure) = await CheckAsync("http://example.org/");
        Assert.Equal(HttpStatusCode.Forbidden, plain);
        Assert.Equal("http://example.org is not https", insecure.GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await CheckAsync("javascript:alert(1)")).Status);
    }

    [Fact]
    public async Task Each_kind_of_call_has_its_own_list()
    {
        var (owner, _) = await UserAsync(developer: true);
        var appId = await RegisterAsync(owner);
        await ListUpstreamAsync(appId, DomainKind.Request);

        var (status, problem) = await CallAsync(owner, appId, "download", new { url = Url("/json") });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("url not in domain list", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Sizes_and_time_are_capped()
    {
        await ListUpstreamAsync(s_demoAppId, DomainKind.Request);
        var (client, _) = await UserAsync();

        var (bigStatus, big) = await CallAsync(client, s_demoAppId, "request", new { url = Url("/big") });
        Assert.Equal(HttpStatusCode.BadGateway, bigStatus);
        Assert.Equal($"response exceeds {ProxyApiFactory.MaxResponseBytes} bytes", big.GetProperty("detail").GetString());

        var (sendStatus, send) = await CallAsync(client, s_demoAppId, "request", new { url = Url("/echo"), method = "POST", dataBase64 = Convert.ToBase64String(new byte[20_000]) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, sendStatus);
        Assert.Equal("request body exceeds 16384 bytes", send.GetProperty("detail").GetString());

        var (slowStatus, slow) = await CallAsync(client, s_demoAppId, "request", new { url = Url("/slow"), timeout = 300 });
        Assert.Equal(HttpStatusCode.GatewayTimeout, slowStatus);
        Assert.Equal("timeout", slow.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Upload_sends_the_file_and_fields_as_multipart_and_download_answers_the_bytes()
    {
        await ListUpstreamAsync(s_demoAppId, DomainKind.UploadFile, DomainKind.DownloadFile);
        var (client, _) = await UserAsync();

        var (status, uploaded) = await CallAsync(client, s_demoAppId, "upload", new
        {
            url = Url("/upload"),
            name = "photo",
            fileName = "a.png",
            fileBase64 = Convert.ToBase64String(new byte[] { 1, 2, 3, 4, 5 }),
            formData = new Dictionary<string, string> { ["note"] = "hi" },
        });
        Assert.Equal(HttpStatusCode.OK, status);
        var received = JsonDocument.Parse(Body(uploaded)).RootElement;
        Assert.Equal("photo", received.GetProperty("field").GetString());
        Assert.Equal("a.png", received.GetProperty("fileName").GetString());
        Assert.Equal(5, received.GetProperty("size").GetInt32());
        Assert.Equal("hi", received.GetProperty("note").GetString());

        var (_, downloaded) = await CallAsync(client, s_demoAppId, "download", new { url = Url("/json") });
        Assert.Equal("""{"hello":"world"}""", Body(downloaded));
    }

    [Fact]
    public async Task An_unreleased_program_calls_out_only_for_its_team_and_nobody_signed_out()
    {
        var (owner, _) = await UserAsync(developer: true);
        var appId = await RegisterAsync(owner);
        await ListUpstreamAsync(appId, DomainKind.Request);
        var (stranger, _) = await UserAsync();

        Assert.Equal(HttpStatusCode.OK, (await CallAsync(owner, appId, "request", new { url = Url("/json") })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await CallAsync(stranger, appId, "request", new { url = Url("/json") })).Status);
        var anonymous = await factory.CreateClient().PostAsJsonAsync($"/api/programs/{appId}/proxy/request", new { url = Url("/json") });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CallAsync(owner, "wx0000000000000000", "request", new { url = Url("/json") })).Status);
    }

    [Fact]
    public async Task The_owner_sets_the_lists_developers_read_them_and_bad_entries_are_refused()
    {
        var (owner, _) = await UserAsync(developer: true);
        var appId = await RegisterAsync(owner);
        var (developer, developerId) = await UserAsync();
        var (tester, testerId) = await UserAsync();
        await owner.PutAsJsonAsync($"/api/programs/{appId}/members/{developerId}", new { role = "developer" });
        await owner.PutAsJsonAsync($"/api/programs/{appId}/members/{testerId}", new { role = "tester" });

        var set = await owner.PutAsJsonAsync($"/api/programs/{appId}/domains", new
        {
            request = new[] { "https://API.Example.com", "https://api.example.com/", "https://api.example.com:8443" },
            downloadFile = new[] { "https://cdn.example.com" },
        });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var lists = await developer.GetFromJsonAsync<JsonElement>($"/api/programs/{appId}/domains");
        Assert.Equal(["https://api.example.com", "https://api.example.com:8443"], lists.GetProperty("request").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(lists.GetProperty("uploadFile").EnumerateArray());
        Assert.Equal("https://cdn.example.com", lists.GetProperty("downloadFile")[0].GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await tester.GetAsync($"/api/programs/{appId}/domains")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await developer.PutAsJsonAsync($"/api/programs/{appId}/domains", new { request = Array.Empty<string>() })).StatusCode);

        var bad = await owner.PutAsJsonAsync($"/api/programs/{appId}/domains", new { request = new[] { "http://api.example.com", "https://10.0.0.1", "https://localhost", "https://api.example.com/v1" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("request");
        Assert.Equal(4, errors.GetArrayLength());
        Assert.Equal(2, (await developer.GetFromJsonAsync<JsonElement>($"/api/programs/{appId}/domains")).GetProperty("request").GetArrayLength());
    }

    [Fact]
    public async Task By_default_the_proxy_refuses_loopback_after_resolving_the_name()
    {
        var options = new ProxyOptions();
        using var client = new HttpClient(OutboundProxy.CreateHandler(options));
        var proxy = new OutboundProxy(client, options);

        foreach (var url in new[] { Url("/json"), $"https://127.0.0.1:{factory.Upstream.Port}/json" })
        {
            var (answer, failure) = await proxy.SendAsync(DomainKind.Request, new ProxyCall(url), new Uri(url), CancellationToken.None);
            Assert.Null(answer);
            Assert.Equal("url resolves to a private address", failure!.Reason);
        }
    }

    private static async Task<string> RegisterAsync(HttpClient owner)
    {
        var response = await owner.PostAsJsonAsync("/api/programs", new { name = $"Net {Guid.NewGuid():N}"[..16], category = "tools/calculators" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("appId").GetString()!;
    }
}
