using System.Text.Json;

namespace Capsule.Compiler.Manifest;

/// <summary>
/// What project.config.json says about where the program is and which program it is. The developer tools'
/// other settings there (compile flags, editor preferences) do not change how Capsule compiles.
/// </summary>
/// <param name="MiniprogramRoot">The folder holding app.json, relative to the project root; "" for the root itself.</param>
/// <param name="AppId">The appid the developer tools used, if any (touristappid means none).</param>
/// <param name="LibVersion">The base library version the project was built against (libVersion), if any.</param>
/// <param name="UrlCheck">setting.urlCheck: whether development checks network calls against the domain lists (on unless false).</param>
public sealed record ProjectConfig(string MiniprogramRoot, string? AppId, string? LibVersion = null, bool UrlCheck = true)
{
    public const string FileName = "project.config.json";

    public static ProjectConfig Empty { get; } = new("", null);

    /// <summary>Reads the file's text; a missing or malformed file means the defaults (WeChat's tools do the same).</summary>
    public static ProjectConfig Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Empty;
        }
        try
        {
            using var json = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Empty;
            }
            var root = String(json.RootElement, "miniprogramRoot")?.Trim().Trim('/') ?? "";
            var appId = String(json.RootElement, "appid");
            var libVersion = String(json.RootElement, "libVersion");
            var urlCheck = !(json.RootElement.TryGetProperty("setting", out var setting) && setting.ValueKind == JsonValueKind.Object
                && setting.TryGetProperty("urlCheck", out var check) && check.ValueKind == JsonValueKind.False);
            return new ProjectConfig(root == "." ? "" : root, appId is null or "touristappid" ? null : appId,
                Version.TryParse(libVersion, out _) ? libVersion : null, urlCheck);
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
