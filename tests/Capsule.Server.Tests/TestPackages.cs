using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Capsule.Testing;

namespace Capsule.Server.Tests;

/// <summary>Zips of the hello sample, with some files replaced, uploaded as versions.</summary>
internal static class TestPackages
{
    public static byte[] Hello(IReadOnlyDictionary<string, string>? replace = null)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var root = RepoPaths.Sample("hello");
            var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes);
            foreach (var (path, content) in replace ?? new Dictionary<string, string>())
            {
                files[path] = Encoding.UTF8.GetBytes(content);
            }
            foreach (var (path, content) in files)
            {
                using var entry = zip.CreateEntry(path).Open();
                entry.Write(content);
            }
        }
        return stream.ToArray();
    }

    /// <summary>Uploads a package as a version and returns the version's id.</summary>
    public static async Task<long> UploadAsync(HttpClient client, string appId, string number, byte[] package)
    {
        var body = new ByteArrayContent(package);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var response = await client.PostAsync($"/api/programs/{appId}/versions?version={number}", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }
}
