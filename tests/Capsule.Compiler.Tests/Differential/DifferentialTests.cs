using System.Text.Json;
using Capsule.Compiler.Projects;
using Capsule.Compiler.Rendering;

namespace Capsule.Compiler.Tests.Differential;

/// <summary>
/// Our compiler must give the same virtual DOM as Tencent's wcc for the same WXML and data, and must fail
/// where wcc fails, except for the quirks in <see cref="KnownDifferences"/>, each listed with its reason. The
/// minified render code is what is compared; the readable one must render exactly the same.
/// </summary>
public sealed class DifferentialTests
{
    public static IEnumerable<object[]> Cases() => DifferentialCases.Ids();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Our_tree_matches_wcc(string id)
    {
        var oracleCase = DifferentialCases.All[id];
        var expected = WccOracle.For(id);
        var files = InMemoryProjectFiles.FromText(oracleCase.Files);
        var ours = PageRenderer.Render(files, oracleCase.Page, oracleCase.Data.ToJsonString());
        var ourError = ours.Json is null ? string.Join("; ", ours.Diagnostics) + ours.RuntimeError : null;
        var readable = PageRenderer.Render(files, oracleCase.Page, oracleCase.Data.ToJsonString(), minify: false);
        Assert.Equal((ours.Json, ours.Diagnostics.Count, ours.RuntimeError is null), (readable.Json, readable.Diagnostics.Count, readable.RuntimeError is null));

        if (KnownDifferences.Reason(id) is { } reason)
        {
            Assert.False(expected.Tree == ours.Json && expected.Error is null == ourError is null,
                $"{id} is listed as a known difference ({reason}) but now matches wcc: remove it from the list.");
            return;
        }
        if (expected.Error is not null)
        {
            Assert.True(ourError is not null, $"wcc rejects this page ({expected.Error}) but we rendered {ours.Json}");
            return;
        }
        Assert.True(ourError is null, $"wcc renders {expected.Tree} but we failed: {ourError}");
        Assert.Equal(Canonical(expected.Tree!), Canonical(ours.Json!));
    }

    /// <summary>Both sides come from JSON.stringify; re-serializing makes escaping identical without reordering keys.</summary>
    private static string Canonical(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
}
