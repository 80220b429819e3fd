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

    /// <summary>The main package's pages.</summary>
    [JsonPropertyName("pages")]
    public required IReadOnlyList<string> Pages { get; init; }

    [JsonPropertyName("subpackages")]
    public required IReadOnlyList<PackageManifest> SubPackages { get; init; }

    /// <summary>Every custom component by path (without extension).</summary>
    [JsonPropertyName("components")]
    public required IReadOnlyDictionary<string, ComponentManifest> Components { get; init; }

    [JsonPropertyName("window")]
    public JsonObject? Window { get; init; }

    [JsonPropertyName("tabBar")]
    public JsonObject? TabBar { get; init; }

    /// <summary>app.json's other settings (preloadRule, networkTimeout, permission, …) as written.</summary>
    [JsonPropertyName("app")]
    public required JsonObject App { get; init; }

    /// <summary>Each page's own settings (its .json: navigation bar title, colors, …) by page path, subpackages included.</summary>
    [JsonPropertyName("pageConfigs")]
    public required IReadOnlyDictionary<string, JsonObject> PageConfigs { get; init; }

    /// <summary>The main package's view file: the render functions of its pages and components.</summary>
    [JsonPropertyName("view")]
    public required string View { get; init; }

    /// <summary>The main package's logic file: its JavaScript modules.</summary>
    [JsonPropertyName("logic")]
    public required string Logic { get; init; }

    /// <summary>app.wxss's CSS, if the program has one.</summary>
    [JsonPropertyName("appStyle")]
    public string? AppStyle { get; init; }

    /// <summary>Each page's CSS by page path (subpackages included), for pages that have a .wxss.</summary>
    [JsonPropertyName("pageStyles")]
    public required IReadOnlyDictionary<string, string> PageStyles { get; init; }

    /// <summary>The program's images, audio and video by project path ("images/logo.png"), as bundle file names.</summary>
    [JsonPropertyName("assets")]
    public IReadOnlyDictionary<string, string> Assets { get; init; } = new Dictionary<string, string>();
}
