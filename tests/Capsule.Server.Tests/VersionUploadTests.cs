using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Capsule.Platform.Data;
using Capsule.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Capsule.Server.Tests;

/// <summary>Uploading a zipped project: compiled into a development version, or refused with nothing kept.</summary>
public sealed class VersionUploadTests(CapsuleApiFactory factory) : IClassFixture<CapsuleApiFactory>
{
    private async Task<(HttpClient Client, string AppId)> ProgramAsync()
    {
        var client = factory.CreateClient();
        await client.PostAsJsonAsync("/api/account/sign-up", new { email = $"v{Guid.NewGuid():N}@capsule.test", password = "correct horse 42", nickname = "Dev" });
        await client.PostAsync("/api/account/developer", null);
        var created = await client.PostAsJsonAsync("/api/programs", new { name = $"Fruit {Guid.NewGuid().ToString("N")[..8]}", category = "e-commerce/fresh-groceries" });
        return (client, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("appId").GetString()!);
    }

    private static byte[] Zip(IEnumerable<(string Path, byte[] Content)> entries, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in entries)
            {
                using var entry = zip.CreateEntry(path, level).Open();
                entry.Write(content);
            }
        }
        return stream.ToArray();
    }

    private static IEnumerable<(string, byte[])> Hello(string prefix = "") =>
        Directory.EnumerateFiles(RepoPaths.Sample("hello"), "*", SearchOption.AllDirectories)
            .Select(f => (prefix + Path.GetRelativePath(RepoPaths.Sample("hello"), f).Replace('\\', '/'), File.ReadAllBytes(f)));

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string appId, byte[] package, string version = "1.0.0")
    {
        var content = new ByteArrayContent(package);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return client.PostAsync($"/api/programs/{appId}/versions?version={version}&notes=First", content);
    }

    private (int Versions, int BundleFiles) Stored()
    {
        using var scope = factory.Services.CreateScope();
        var versions = scope.ServiceProvider.GetRequiredService<CapsuleDbContext>().ProgramVersions.Count();
        return (versions, Directory.GetFiles(Path.Combine(factory.DataDir, "bundles")).Length);
    }

    [Fact]
    public async Task A_zipped_project_becomes_a_development_version_with_a_stored_bundle()
    {
        var (client, appId) = await ProgramAsync();
        var response = await UploadAsync(client, appId, Zip(Hello("hello/")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var version = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Development", version.GetProperty("state").GetString());
        Assert.Equal("First", version.GetProperty("notes").GetString());
        var manifest = await client.GetAsync($"/bundles/{version.GetProperty("bundleId").GetString()}.json");
        Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);

        var again = await UploadAsync(client, appId, Zip(Hello()));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    public static TheoryData<string, byte[], string> Refusals() => new()
    {
        { "zip-slip", Zip([.. Hello(), ("../evil.js", "x"u8.ToArray())]), "points outside the project" },
        { "absolute path", Zip([.. Hello(), ("/etc/passwd.js", "x"u8.ToArray())]), "points outside the project" },
        { "backslash climb", Zip([.. Hello(), ("pages\\..\\..\\evil.js", "x"u8.ToArray())]), "points outside the project" },
        { "zip bomb", Zip([.. Hello(), ("big.js", new byte[20 * 1024 * 1024])], CompressionLevel.SmallestSize), "zip bomb" },
        { "not a zip", "plain text"u8.ToArray(), "not a zip file" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Hostile_or_broken_packages_are_refused_and_leave_nothing_behind(string why, byte[] package, string message)
    {
        var (client, appId) = await ProgramAsync();
        var before = Stored();

        var response = await UploadAsync(client, appId, package);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(before, Stored());
    }

    [Fact]
    public async Task An_oversize_package_is_refused_with_413()
    {
        var (client, appId) = await ProgramAsync();
        var random = new byte[3 * 1024 * 1024];
        new Random(1).NextBytes(random);
        var response = await UploadAsync(client, appId, Zip([.. Hello(), ("noise.bin", random)], CompressionLevel.NoCompression));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("app.json", "{ \"pages\": [\"pages/index/index\" ", "app.json:1:")]
    [InlineData("pages/index/index.wxml", "<view>{{ a + }}</view>", "pages/index/index.wxml:1:")]
    public async Task Compile_errors_answer_422_with_positions_and_keep_nothing(string path, string content, string position)
    {
        var (client, appId) = await ProgramAsync();
        var before = Stored();
        var files = Hello().Where(f => f.Item1 != path).Append((path, Encoding.UTF8.GetBytes(content)));

        var response = await UploadAsync(client, appId, Zip(files));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith(position, problem.GetProperty("errors")[0].GetString());
        Assert.Equal(before, Stored());
    }

    [Fact]
    public async Task Only_the_owner_and_developer_members_upload_and_versions_look_like_numbers()
    {
        var (owner, appId) = await ProgramAsync();
        var (stranger, _) = await ProgramAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(stranger, appId, Zip(Hello()))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await UploadAsync(factory.CreateClient(), appId, Zip(Hello()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(owner, "wx0000000000000000", Zip(Hello()))).StatusCode);

        var badNumber = await UploadAsync(owner, appId, Zip(Hello()), "latest");
        Assert.Equal(HttpStatusCode.BadRequest, badNumber.StatusCode);
    }
}
