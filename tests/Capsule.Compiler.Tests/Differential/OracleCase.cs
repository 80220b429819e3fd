using System.Text.Json.Nodes;

namespace Capsule.Compiler.Tests.Differential;

/// <summary>One differential case: project files, the page to render, and its data.</summary>
public sealed record OracleCase(string Id, IReadOnlyDictionary<string, string> Files, string Page, JsonNode Data)
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["files"] = new JsonObject(Files.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value)))),
        ["page"] = Page,
        ["data"] = Data.DeepClone(),
    };
}
