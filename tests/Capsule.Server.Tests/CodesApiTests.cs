using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Capsule.Platform.Codes;
using Capsule.Platform.MiniPrograms;
using Capsule.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Capsule.Server.Tests;

/// <summary>QR codes holding signed Capsule links: who may make them, what they hold, and what refuses them.</summary>
public sealed class CodesApiTests(CapsuleApiFactory factory) : IClassFixture<CapsuleApiFactory>
{
    private static readonly string s_hello = AppId.FromSeed("demo:hello");

    private async Task<HttpClient> SignedInAsync(bool developer = false)
    {
        var client = factory.CreateClient();
        var signUp = await client.PostAsJsonAsync("/api/account/sign-up", new { email = $"c{Guid.NewGuid():N}@capsule.test", password = "correct horse 42", nickname = "C" });
        Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        if (developer)
        {
            await client.PostAsync("/api/account/developer", null);
        }
        return client;
    }

    private static async Task<(string AppId, string Secret)> RegisterAsync(HttpClient owner)
    {
        var created = await (await owner.PostAsJsonAsync("/api/programs", new { name = $"Code {Guid.NewGuid().ToString("N")[..8]}", category = "tools/calculators" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("appId").GetString()!, created.GetProperty("appSecret").GetString()!);
    }

    private static async Task<JsonElement> OpenAsync(HttpClient client, string link, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync("/api/codes/open", new { link });
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_team_member_draws_a_png_code_for_a_page_with_a_scene_that_the_app_opens()
    {
        var owner = await SignedInAsync(developer: true);
        var (appId, _) = await RegisterAsync(owner);

        var response = await owner.PostAsJsonAsync($"/api/programs/{appId}/codes", new { page = "pages/detail/detail", scene = "id=42&from=qr" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var link = response.Headers.GetValues("Capsule-Link").Single();
        Assert.StartsWith("http://localhost/q/", link);

        var opened = await OpenAsync(await SignedInAsync(), link);
        Assert.Equal("program", opened.GetProperty("kind").GetString());
        Assert.Equal(appId, opened.GetProperty("appId").GetString());
        Assert.Equal("pages/detail/detail?scene=id%3D42%26from%3Dqr", opened.GetProperty("path").GetString());
    }

    [Fact]
    public async Task A_svg_code_with_the_icon_uses_high_error_correction_and_draws_the_icon()
    {
        var owner = await SignedInAsync(developer: true);
        var (appId, _) = await RegisterAsync(owner);
        var plain = await owner.PostAsJsonAsync($"/api/programs/{appId}/codes", new { format = "svg" });
        var withIcon = await owner.PostAsJsonAsync($"/api/programs/{appId}/codes", new { format = "svg", icon = true });
        Assert.Equal("image/svg+xml", withIcon.Content.Headers.ContentType?.MediaType);
        var (plainSvg, iconSvg) = (await plain.Content.ReadAsStringAsync(), await withIcon.Content.ReadAsStringAsync());
        Assert.StartsWith("<svg", plainSvg.TrimStart());
        Assert.DoesNotContain("#07c160", plainSvg);
        Assert.Contains("#07c160", iconSvg);
        // Level H needs more modules than M for the same link: the icon's code is larger.
        Assert.True(iconSvg.Length > plainSvg.Length);
    }

    [Fact]
    public async Task The_programs_backend_draws_codes_with_its_appsecret_and_a_wrong_secret_is_refused()
    {
        var owner = await SignedInAsync(developer: true);
        var (appId, secret) = await RegisterAsync(owner);
        var backend = factory.CreateClient();

        using var good = new HttpRequestMessage(HttpMethod.Post, $"/api/programs/{appId}/codes") { Content = JsonContent.Create(new { scene = "a=1" }) };
        good.Headers.Add("X-Capsule-AppSecret", secret);
        Assert.Equal(HttpStatusCode.OK, (await backend.SendAsync(good)).StatusCode);

        using var bad = new HttpRequestMessage(HttpMethod.Post, $"/api/programs/{appId}/codes") { Content = JsonContent.Create(new { scene = "a=1" }) };
        bad.Headers.Add("X-Capsule-AppSecret", new string('0', 32));
        Assert.Equal(HttpStatusCode.Unauthorized, (await backend.SendAsync(bad)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await backend.PostAsJsonAsync($"/api/programs/{appId}/codes", new { scene = "a=1" })).StatusCode);
    }

    [Fact]
    public async Task Someone_outside_the_team_cannot_draw_a_programs_codes()
    {
        var owner = await SignedInAsync(developer: true);
        var (appId, _) = await RegisterAsync(owner);
        var response = await (await SignedInAsync()).PostAsJsonAsync($"/api/programs/{appId}/codes", new { scene = "a=1" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("123456789012345678901234567890123")]
    [InlineData("space not allowed")]
    [InlineData("中文")]
    public async Task A_scene_outside_wechats_rule_is_refused(string scene)
    {
        var owner = await SignedInAsync(developer: true);
        var (appId, _) = await RegisterAsync(owner);
        var response = await owner.PostAsJsonAsync($"/api/programs/{appId}/codes", new { scene });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("32", (await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_scene_of_exactly_32_characters_is_accepted()
    {
        var owner = await SignedInAsync(developer: true);
        var (appId, _) = await RegisterAsync(owner);
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync($"/api/programs/{appId}/codes", new { scene = new string('x', 32) })).StatusCode);
    }

    [Fact]
    public async Task Anyone_signed_in_gets_a_released_programs_plain_code_but_not_signed_out()
    {
        var user = await SignedInAsync();
        var response = await user.GetAsync($"/api/programs/{s_hello}/code");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var opened = await OpenAsync(user, response.Headers.GetValues("Capsule-Link").Single());
        Assert.Equal((s_hello, ""), (opened.GetProperty("appId").GetString(), opened.GetProperty("path").GetString()));

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/programs/{s_hello}/code")).StatusCode);
        var owner = await SignedInAsync(developer: true);
        var (unreleased, _) = await RegisterAsync(owner);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync($"/api/programs/{unreleased}/code")).StatusCode);
    }

    [Fact]
    public async Task A_users_code_opens_their_profile()
    {
        var me = await SignedInAsync();
        var myId = (await me.GetFromJsonAsync<JsonElement>("/api/account/me")).GetProperty("id").GetString();
        var response = await me.GetAsync("/api/codes/me?format=svg");
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var opened = await OpenAsync(await SignedInAsync(), response.Headers.GetValues("Capsule-Link").Single());
        Assert.Equal(("user", myId), (opened.GetProperty("kind").GetString(), opened.GetProperty("userId").GetString()));
    }

    [Fact]
    public async Task A_changed_link_and_text_that_is_no_capsule_link_are_refused_with_a_clear_reason()
    {
        var user = await SignedInAsync();
        var link = (await user.GetAsync($"/api/programs/{s_hello}/code")).Headers.GetValues("Capsule-Link").Single();
        var token = link[(link.IndexOf("/q/", StringComparison.Ordinal) + 3)..];
        var payload = token[..token.IndexOf('.')];
        var forged = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes($$"""{"k":"p","t":"{{AppId.FromSeed("demo:shop")}}"}"""));
        Assert.NotEqual(payload, forged);

        var tampered = await OpenAsync(user, link.Replace(payload, forged, StringComparison.Ordinal), HttpStatusCode.BadRequest);
        Assert.Contains("signature does not match", tampered.GetProperty("detail").GetString());
        var notOurs = await OpenAsync(user, "https://example.com/some/page", HttpStatusCode.BadRequest);
        Assert.Contains("not a Capsule code", notOurs.GetProperty("detail").GetString());
    }

    [Fact]
    public void An_expired_link_is_refused_and_one_signed_with_another_key_is_tampered()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var dir = new TempDirectory();
        var links = new CodeLinks(new CodeKey(Microsoft.Extensions.Options.Options.Create(new Capsule.Platform.CapsuleOptions { DataDir = dir.Path })), clock);
        var token = links.Sign(new CodeLink(CodeKind.User, "someone", ExpiresAt: clock.GetUtcNow().AddDays(1)));
        Assert.Equal(CodeLinkProblem.None, links.Read(token).Problem);
        clock.Now = clock.Now.AddDays(2);
        Assert.Equal(CodeLinkProblem.Expired, links.Read(token).Problem);

        var otherServer = factory.Services.GetRequiredService<CodeLinks>();
        Assert.Equal(CodeLinkProblem.Tampered, otherServer.Read(links.Sign(new CodeLink(CodeKind.Program, s_hello))).Problem);
        Assert.Equal(CodeLinkProblem.Malformed, otherServer.Read("no-dot-here").Problem);
    }

    [Fact]
    public async Task Outside_the_app_a_link_shows_only_open_this_with_capsule()
    {
        var user = await SignedInAsync();
        var link = (await user.GetAsync($"/api/programs/{s_hello}/code")).Headers.GetValues("Capsule-Link").Single();
        var page = await factory.CreateClient().GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Open this with Capsule", html);
        Assert.DoesNotContain("Hello", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task A_generated_png_decodes_with_zbarimg_to_the_signed_link()
    {
        var owner = await SignedInAsync(developer: true);
        var (appId, _) = await RegisterAsync(owner);
        var response = await owner.PostAsJsonAsync($"/api/programs/{appId}/codes", new { page = "pages/index/index", scene = "id=7" });
        using var dir = new TempDirectory();
        var file = dir.Combine("code.png");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());

        using var zbar = Process.Start(new ProcessStartInfo("zbarimg", ["--quiet", "--raw", file]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var decoded = (await zbar.StandardOutput.ReadToEndAsync()).Trim();
        await zbar.WaitForExitAsync();
        Assert.Equal(0, zbar.ExitCode);
        Assert.Equal(response.Headers.GetValues("Capsule-Link").Single(), decoded);
        Assert.Equal(appId, (await OpenAsync(owner, decoded)).GetProperty("appId").GetString());
        Assert.Contains("Open this with Capsule", await factory.CreateClient().GetStringAsync(new Uri(decoded).PathAndQuery));
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
