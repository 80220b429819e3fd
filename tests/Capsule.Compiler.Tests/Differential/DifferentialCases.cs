using System.Text.Json.Nodes;
using Capsule.Testing;

namespace Capsule.Compiler.Tests.Differential;

/// <summary>
/// Every case the differential suite compares: the hand-written feature probes of tests/oracle/cases,
/// more hand-written cases, the samples' pages, and randomly generated templates and data (fixed seed).
/// </summary>
internal static class DifferentialCases
{
    public const int GeneratedCount = 200;

    private static readonly Lazy<IReadOnlyDictionary<string, OracleCase>> s_all = new(Load);

    public static IReadOnlyDictionary<string, OracleCase> All => s_all.Value;

    public static IEnumerable<object[]> Ids() => All.Keys.Select(id => new object[] { id });

    private static Dictionary<string, OracleCase> Load()
    {
        var cases = new List<OracleCase>();
        cases.AddRange(FeatureProbes());
        cases.AddRange(HandWrittenCases.All);
        cases.AddRange(SampleCases());
        cases.AddRange(RandomCases.Generate(seed: 20261124, GeneratedCount));
        return cases.ToDictionary(c => c.Id);
    }

    private static IEnumerable<OracleCase> FeatureProbes()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "oracle", "cases", "features.json");
        foreach (var node in JsonNode.Parse(File.ReadAllText(path))!.AsArray())
        {
            var files = node!["files"]!.AsObject().ToDictionary(f => f.Key, f => f.Value!.GetValue<string>());
            yield return new OracleCase("probe/" + node["id"]!.GetValue<string>(), files, node["page"]!.GetValue<string>(), node["data"]!.DeepClone());
        }
    }

    /// <summary>Each page of each sample with the data its Page() starts with.</summary>
    private static IEnumerable<OracleCase> SampleCases()
    {
        foreach (var (sample, page, data) in HandWrittenCases.SamplePages)
        {
            var root = RepoPaths.Sample(sample);
            var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".wxml", StringComparison.Ordinal) || f.EndsWith(".wxs", StringComparison.Ordinal))
                .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText);
            yield return new OracleCase($"sample/{sample}/{page}", files, page + ".wxml", JsonNode.Parse(data)!);
        }
    }
}
