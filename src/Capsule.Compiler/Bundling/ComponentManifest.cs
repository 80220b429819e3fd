using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Capsule.Compiler.Bundling;

/// <summary>A custom component: its settings (.json), its scoped CSS, and the class prefix its styles use.</summary>
public sealed record ComponentManifest
{
    [JsonPropertyName("config")]
    public required JsonObject Config { get; init; }

    /// <summary>Class selectors in the component's CSS are written <c>.{scope}--name</c>.</summary>
    [JsonPropertyName("scope")]
    public required string Scope { get; init; }

    [JsonPropertyName("style")]
    public string? Style { get; init; }
}
