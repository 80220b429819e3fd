using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Wxss;
using Capsule.Testing;

namespace Capsule.Compiler.Tests.Wxss;

/// <summary>
/// Each Golden/*.wxss compiles to exactly Golden/*.css (and, with a component scope, *.scoped.css).
/// Set CAPSULE_UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change; the test then fails
/// so that a run with the switch on never passes by accident.
/// </summary>
public sealed class WxssGoldenTests
{
    private static readonly string s_folder = Path.Combine(RepoPaths.Root, "tests", "Capsule.Compiler.Tests", "Wxss", "Golden");

    public static IEnumerable<object[]> Cases() =>
        Directory.GetFiles(s_folder, "*.wxss").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileNameWithoutExtension(f) });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_matches_the_golden_file(string name)
    {
        var outputs = new[] { (".css", (string?)null), (".scoped.css", "components-card-card") }
            .Select(o => (Golden: Path.Combine(s_folder, name + o.Item1), Css: Compile(name, o.Item2)))
            .ToList();
        if (Environment.GetEnvironmentVariable("CAPSULE_UPDATE_GOLDEN") == "1")
        {
            outputs.ForEach(o => File.WriteAllText(o.Golden, o.Css + "\n"));
            Assert.Fail($"golden files of {name} rewritten; review them and run again without CAPSULE_UPDATE_GOLDEN");
        }
        foreach (var (golden, css) in outputs)
        {
            Assert.True(File.Exists(golden), $"{golden} is missing: run with CAPSULE_UPDATE_GOLDEN=1 and review it");
            Assert.Equal(File.ReadAllText(golden).TrimEnd('\n'), css);
        }
    }

    private static string Compile(string name, string? classScope)
    {
        var diagnostics = new DiagnosticBag();
        var css = WxssCompiler.Compile(new SourceFile(name + ".wxss", File.ReadAllText(Path.Combine(s_folder, name + ".wxss"))), diagnostics, classScope);
        Assert.Empty(diagnostics);
        return css;
    }
}
