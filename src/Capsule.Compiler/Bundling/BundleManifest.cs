using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Capsule.Compiler.Bundling;

/// <summary>
/// What the runtime reads first: the pages, the app's window and tabBar settings, and the names of the
/// content-hashed files holding the view (render functions), the logic (modules) and the styles.
/// </summary>
public sealed record BundleManifest
{
    public const int CurrentFormat = 1;

    [JsonPropertyName("format")]
    public int Format { get; init; } = CurrentFormat;

    [JsonPropertyName("entryPagePath")]
    public required string EntryPagePath { get; init; }

    [JsonPropertyName("pages")]
    public required IReadOnlyList<string> Pages { get; init; }

    [JsonPropertyName("window")]
    public JsonObject? Window { get; init; }

    [JsonPropertyName("tabBar")]
    public JsonObject? TabBar { get; init; }

    /// <summary>Each page's own settings (its .json: navigation bar title, colors, …) by page path.</summary>
    [JsonPropertyName("pageConfigs")]
    public required IReadOnlyDictionary<string, JsonObject> PageConfigs { get; init; }

    /// <summary>The file that registers every page's render function.</summary>
    [JsonPropertyName("view")]
    public required string View { get; init; }

    /// <summary>The file that defines every JavaScript module of the program.</summary>
    [JsonPropertyName("logic")]
    public required string Logic { get; init; }

    /// <summary>app.wxss's CSS, if the program has one.</summary>
    [JsonPropertyName("appStyle")]
    public string? AppStyle { get; init; }

    /// <summary>Each page's CSS by page path, for pages that have a .wxss.</summary>
    [JsonPropertyName("pageStyles")]
    public required IReadOnlyDictionary<string, string> PageStyles { get; init; }
}
