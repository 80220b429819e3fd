using System.Text.Json;
using System.Text.Json.Nodes;
using Capsule.Compiler.Diagnostics;

namespace Capsule.Compiler.Manifest;

/// <summary>What app.json declares: the pages (the first is the entry page) and the app-wide settings.</summary>
public sealed record AppManifest(IReadOnlyList<string> Pages, JsonObject? Window, JsonObject? TabBar)
{
    public const string FileName = "app.json";

    private static readonly JsonDocumentOptions s_options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public string EntryPagePath => Pages[0];

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
            var line = (int)(error.LineNumber ?? 0);
            var column = (int)(error.BytePositionInLine ?? 0);
            diagnostics.Error(file, new SourceSpan(JsonPosition.Offset(file, line, column), 1), $"app.json is not valid JSON: {JsonPosition.FirstSentence(error.Message)}");
            return null;
        }
        if (root is not JsonObject app)
        {
            diagnostics.Error(file, new SourceSpan(0, 1), "app.json must be a JSON object");
            return null;
        }
        if (app["pages"] is not JsonArray pageArray || pageArray.Count == 0)
        {
            diagnostics.Error(file, KeySpan(file, "pages"), "app.json needs \"pages\": a non-empty list of page paths");
            return null;
        }
        var pages = new List<string>();
        foreach (var page in pageArray)
        {
            if (page is JsonValue value && value.TryGetValue<string>(out var path) && !string.IsNullOrWhiteSpace(path))
            {
                if (pages.Contains(path))
                {
                    diagnostics.Error(file, ValueSpan(file, path), $"page \"{path}\" is listed twice in \"pages\"");
                }
                else
                {
                    pages.Add(path);
                }
            }
            else
            {
                diagnostics.Error(file, KeySpan(file, "pages"), "every entry of \"pages\" must be a page path such as \"pages/index/index\"");
            }
        }
        if (pages.Count == 0)
        {
            return null;
        }
        return new AppManifest(pages, app["window"] as JsonObject, app["tabBar"] as JsonObject);
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
