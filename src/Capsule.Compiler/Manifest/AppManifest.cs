using System.Text.Json;
using System.Text.Json.Nodes;
using Capsule.Compiler.Diagnostics;

namespace Capsule.Compiler.Manifest;

/// <summary>
/// What app.json declares: the main package's pages, the subpackages, the entry page and the app-wide
/// settings. Every key WeChat documents is accepted; unknown keys are kept and warned about.
/// </summary>
public sealed record AppManifest(
    IReadOnlyList<string> Pages,
    IReadOnlyList<SubPackage> SubPackages,
    string EntryPagePath,
    JsonObject Json)
{
    public const string FileName = "app.json";

    private static readonly HashSet<string> s_knownKeys =
    [
        "entryPagePath", "pages", "window", "tabBar", "networkTimeout", "debug", "functionalPages", "subpackages",
        "subPackages", "workers", "requiredBackgroundModes", "requiredPrivateInfos", "plugins", "preloadRule", "resizable",
        "usingComponents", "permission", "sitemapLocation", "style", "useExtendedLib", "entranceDeclare", "darkmode",
        "themeLocation", "lazyCodeLoading", "singlePage", "supportedMaterials", "serviceProviderTicket", "embeddedAppIdList",
        "halfPage", "debugOptions", "enablePassiveEvent", "resolveAlias", "renderer", "rendererOptions", "componentFramework",
        "miniApp", "static", "convertRpxToVw", "appBar", "navigateToMiniProgramAppIdList", "componentPlaceholder",
        "usePluginPrivacy", "cloud", "manualSplashScreen", "restartStrategy", "openLocationPagePath",
    ];

    private static readonly JsonDocumentOptions s_options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public JsonObject? Window => Json["window"] as JsonObject;

    public JsonObject? TabBar => Json["tabBar"] as JsonObject;

    /// <summary>Every page, main package first, then each subpackage's.</summary>
    public IEnumerable<string> AllPages => Pages.Concat(SubPackages.SelectMany(s => s.Pages));

    /// <summary>The subpackage a page belongs to, or null for the main package.</summary>
    public SubPackage? PackageOf(string page) => SubPackages.FirstOrDefault(s => s.Pages.Contains(page));

    /// <summary>Reads app.json; returns null and reports why when it cannot be used.</summary>
    public static AppManifest? Read(SourceFile file, DiagnosticBag diagnostics)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(file.Text, documentOptions: s_options);
        }
        catch (JsonException error)
        {
            var (line, column) = ((int)(error.LineNumber ?? 0), (int)(error.BytePositionInLine ?? 0));
            diagnostics.Error(file, new SourceSpan(JsonPosition.Offset(file, line, column), 1), $"app.json is not valid JSON: {JsonPosition.FirstSentence(error.Message)}");
            return null;
        }
        if (root is not JsonObject app)
        {
            diagnostics.Error(file, new SourceSpan(0, 1), "app.json must be a JSON object");
            return null;
        }
        foreach (var key in app.Select(p => p.Key).Where(k => !s_knownKeys.Contains(k)))
        {
            diagnostics.Warning(file, KeySpan(file, key), $"app.json: unknown key \"{key}\" is kept but not used");
        }
        if (app["pages"] is not JsonArray { Count: > 0 } pageArray)
        {
            diagnostics.Error(file, KeySpan(file, "pages"), "app.json needs \"pages\": a non-empty list of page paths");
            return null;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pages = ReadPages(file, pageArray, "", "pages", seen, diagnostics);
        var subPackages = ReadSubPackages(file, app, seen, diagnostics);
        if (pages.Count == 0)
        {
            return null;
        }
        var entry = pages[0];
        if (app["entryPagePath"] is JsonValue entryValue)
        {
            if (entryValue.TryGetValue<string>(out var declared) && seen.Contains(declared))
            {
                entry = declared;
            }
            else
            {
                diagnostics.Error(file, KeySpan(file, "entryPagePath"), "app.json: \"entryPagePath\" must be one of the pages");
            }
        }
        var manifest = new AppManifest(pages, subPackages, entry, app);
        manifest.CheckPageReferences(file, diagnostics);
        return manifest;
    }

    private static List<string> ReadPages(SourceFile file, JsonArray array, string root, string key, HashSet<string> seen, DiagnosticBag diagnostics)
    {
        var pages = new List<string>();
        foreach (var page in array)
        {
            if (page is JsonValue value && value.TryGetValue<string>(out var path) && !string.IsNullOrWhiteSpace(path)
                && !path.StartsWith('/') && !path.Contains("..", StringComparison.Ordinal) && !path.EndsWith(".wxml", StringComparison.Ordinal))
            {
                var full = root + path;
                if (!seen.Add(full))
                {
                    diagnostics.Error(file, ValueSpan(file, path), $"page \"{full}\" is listed twice");
                }
                else
                {
                    pages.Add(full);
                }
            }
            else
            {
                diagnostics.Error(file, KeySpan(file, key), $"every entry of \"{key}\" must be a page path such as \"pages/index/index\"");
            }
        }
        return pages;
    }

    private static List<SubPackage> ReadSubPackages(SourceFile file, JsonObject app, HashSet<string> seen, DiagnosticBag diagnostics)
    {
        var result = new List<SubPackage>();
        foreach (var key in new[] { "subpackages", "subPackages" })
        {
            if (app[key] is null)
            {
                continue;
            }
            if (app[key] is not JsonArray array)
            {
                diagnostics.Error(file, KeySpan(file, key), $"app.json: \"{key}\" must be a list of subpackages");
                continue;
            }
            foreach (var item in array)
            {
                if (item is not JsonObject package || package["root"] is not JsonValue rootValue
                    || !rootValue.TryGetValue<string>(out var root) || string.IsNullOrWhiteSpace(root.Trim('/')))
                {
                    diagnostics.Error(file, KeySpan(file, key), $"every subpackage in \"{key}\" needs a \"root\" folder");
                    continue;
                }
                var normalized = root.Trim('/') + "/";
                if (result.Exists(s => s.Root.StartsWith(normalized, StringComparison.Ordinal) || normalized.StartsWith(s.Root, StringComparison.Ordinal)))
                {
                    diagnostics.Error(file, ValueSpan(file, root), $"subpackage root \"{root}\" overlaps another subpackage");
                    continue;
                }
                var pages = package["pages"] is JsonArray pageArray
                    ? ReadPages(file, pageArray, normalized, "pages", seen, diagnostics)
                    : [];
                if (pages.Count == 0)
                {
                    diagnostics.Error(file, ValueSpan(file, root), $"subpackage \"{root}\" needs \"pages\"");
                }
                var name = package["name"] is JsonValue n && n.TryGetValue<string>(out var text) ? text : null;
                var independent = package["independent"] is JsonValue i && i.TryGetValue<bool>(out var flag) && flag;
                result.Add(new SubPackage(normalized, name, pages, independent));
            }
        }
        return result;
    }

    /// <summary>Main-package pages may not live inside a subpackage root; tabBar and preloadRule name real pages.</summary>
    private void CheckPageReferences(SourceFile file, DiagnosticBag diagnostics)
    {
        foreach (var page in Pages.Where(p => SubPackages.Any(s => p.StartsWith(s.Root, StringComparison.Ordinal))))
        {
            diagnostics.Error(file, ValueSpan(file, page), $"page \"{page}\" is in \"pages\" but inside subpackage root \"{SubPackages.First(s => page.StartsWith(s.Root, StringComparison.Ordinal)).Root}\"");
        }
        if (TabBar?["list"] is JsonArray tabs)
        {
            foreach (var tab in tabs)
            {
                var path = tab?["pagePath"] is JsonValue v && v.TryGetValue<string>(out var p) ? p : null;
                if (path is null || !Pages.Contains(path))
                {
                    diagnostics.Error(file, path is null ? KeySpan(file, "tabBar") : ValueSpan(file, path),
                        $"tabBar pagePath \"{path}\" must be a page of the main package");
                }
            }
        }
        if (Json["preloadRule"] is JsonObject rules)
        {
            foreach (var (page, _) in rules)
            {
                if (!AllPages.Contains(page))
                {
                    diagnostics.Error(file, KeySpan(file, page), $"preloadRule names \"{page}\", which is not a page");
                }
            }
        }
    }

    /// <summary>The span of a key in the file text, for pointing a diagnostic at it.</summary>
    public static SourceSpan KeySpan(SourceFile file, string key) => ValueSpan(file, key);

    /// <summary>The span of a string value, found by its JSON spelling.</summary>
    public static SourceSpan ValueSpan(SourceFile file, string value)
    {
        var quoted = JsonSerializer.Serialize(value);
        var index = file.Text.IndexOf(quoted, StringComparison.Ordinal);
        return index < 0 ? new SourceSpan(0, 1) : new SourceSpan(index + 1, value.Length);
    }
}
