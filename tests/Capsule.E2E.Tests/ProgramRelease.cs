using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Capsule.E2E.Tests.Pages;
using Microsoft.Playwright;

namespace Capsule.E2E.Tests;

/// <summary>Releases a small program of a test's own through the server's API: register, upload, review, release.</summary>
public static class ProgramRelease
{
    /// <summary>A zip of the project files, by path.</summary>
    public static byte[] Package(IReadOnlyDictionary<string, string> files)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                using var entry = zip.CreateEntry(path).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }
        }
        return stream.ToArray();
    }

    /// <summary>Calls the API and throws with the server's answer unless it succeeds; the JSON answer, if any.</summary>
    public static async Task<JsonElement> CallAsync(IAPIRequestContext api, string method, string url, object? body = null)
    {
        var response = await api.FetchAsync(url, new APIRequestContextOptions { Method = method, DataObject = body ?? new { } });
        if (!response.Ok)
        {
            throw new InvalidOperationException($"{method} {url}: {response.Status} {await response.TextAsync()}");
        }
        return response.Status == 204 ? default : (await response.JsonAsync())!.Value;
    }

    /// <summary>
    /// Makes the signed-in person of <paramref name="developer"/> a developer, registers <paramref name="name"/>, uploads
    /// <paramref name="files"/> as 1.0.0, has the server's operator (<paramref name="operatorEmail"/>, signed up here as a
    /// reviewer) approve it and releases it. Returns the appid.
    /// </summary>
    public static async Task<string> ReleaseAsync(IBrowser browser, string serverUrl, string operatorEmail, IBrowserContext developer, string name, IReadOnlyDictionary<string, string> files)
    {
        await using var reviewerContext = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = serverUrl });
        var op = reviewerContext.APIRequest;
        var signUp = await CallAsync(op, "POST", "/api/account/sign-up", new { email = operatorEmail, password = TestUser.Password, nickname = "Op" });
        await CallAsync(op, "POST", $"/api/users/{signUp.GetProperty("id").GetString()}/roles", new { role = "reviewer" });
        await CallAsync(op, "POST", "/api/account/sign-in", new { email = operatorEmail, password = TestUser.Password });

        var dev = developer.APIRequest;
        await CallAsync(dev, "POST", "/api/account/developer");
        await CallAsync(dev, "POST", "/api/account/sign-in", new { email = (await CallAsync(dev, "GET", "/api/account/me")).GetProperty("email").GetString(), password = TestUser.Password });
        var appId = (await CallAsync(dev, "POST", "/api/programs", new { name, category = "tools/calculators" })).GetProperty("appId").GetString()!;
        var upload = await dev.PostAsync($"/api/programs/{appId}/versions?version=1.0.0", new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["content-type"] = "application/zip" },
            DataByte = Package(files),
        });
        if (!upload.Ok)
        {
            throw new InvalidOperationException($"upload: {upload.Status} {await upload.TextAsync()}");
        }
        var version = (await upload.JsonAsync())!.Value.GetProperty("id").GetInt64();
        await CallAsync(dev, "POST", $"/api/programs/{appId}/versions/{version}/submit");
        await CallAsync(op, "POST", $"/api/reviews/{version}/approve");
        await CallAsync(dev, "POST", $"/api/programs/{appId}/versions/{version}/release");
        return appId;
    }
}
