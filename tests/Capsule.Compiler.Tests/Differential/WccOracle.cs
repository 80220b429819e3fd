using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Capsule.Testing;

namespace Capsule.Compiler.Tests.Differential;

/// <summary>
/// Tencent's own WXML compiler (npm <c>miniprogram-compiler</c>: wcc) run through tests/oracle/wcc-render.mjs.
/// All cases are compiled in one batch, once per test run.
/// </summary>
internal static class WccOracle
{
    /// <summary>What wcc made of a case: the tree as JSON text, or its error.</summary>
    public sealed record Outcome(string? Tree, string? Error);

    private static readonly Lazy<IReadOnlyDictionary<string, Outcome>> s_outcomes = new(Run);

    public static Outcome For(string id) => s_outcomes.Value[id];

    private static Dictionary<string, Outcome> Run()
    {
        var oracle = Path.Combine(RepoPaths.Root, "tests", "oracle");
        if (!Directory.Exists(Path.Combine(oracle, "node_modules", "miniprogram-compiler")))
        {
            throw new InvalidOperationException("The wcc oracle is not installed: run npm install in tests/oracle (scripts/test.sh does).");
        }
        var casesFile = Path.Combine(Path.GetTempPath(), $"capsule-oracle-{Guid.NewGuid():N}.json");
        File.WriteAllText(casesFile, new JsonArray([.. DifferentialCases.All.Values.Select(c => (JsonNode)c.ToJson())]).ToJsonString());
        try
        {
            var start = new ProcessStartInfo("node") { WorkingDirectory = oracle, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("wcc-render.mjs");
            start.ArgumentList.Add("--batch");
            start.ArgumentList.Add(casesFile);
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            var outcomes = new Dictionary<string, Outcome>();
            while (process.StandardOutput.ReadLine() is { } line)
            {
                using var result = JsonDocument.Parse(line);
                var root = result.RootElement;
                var id = root.GetProperty("id").GetString()!;
                outcomes[id] = root.TryGetProperty("tree", out var tree)
                    ? new Outcome(tree.GetRawText(), null)
                    : new Outcome(null, root.GetProperty("error").GetString());
            }
            process.WaitForExit();
            if (outcomes.Count != DifferentialCases.All.Count)
            {
                throw new InvalidOperationException($"wcc-render.mjs answered {outcomes.Count} of {DifferentialCases.All.Count} cases: {errors.Result}");
            }
            return outcomes;
        }
        finally
        {
            File.Delete(casesFile);
        }
    }
}
