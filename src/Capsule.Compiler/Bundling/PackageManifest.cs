using System.Text.Json.Serialization;

namespace Capsule.Compiler.Bundling;

/// <summary>A subpackage in the bundle: its own view and logic files, fetched on first navigation into it.</summary>
public sealed record PackageManifest
{
    [JsonPropertyName("root")]
    public required string Root { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("independent")]
    public bool Independent { get; init; }

    [JsonPropertyName("pages")]
    public required IReadOnlyList<string> Pages { get; init; }

    [JsonPropertyName("view")]
    public required string View { get; init; }

    [JsonPropertyName("logic")]
    public required string Logic { get; init; }
}
