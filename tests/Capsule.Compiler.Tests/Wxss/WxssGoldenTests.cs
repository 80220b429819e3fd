using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Wxss;
using Capsule.Testing;

namespace Capsule.Compiler.Tests.Wxss;

/// <summary>
/// Each Golden/*.wxss compiles to exactly Golden/*.css (and, with a component scope, *.scoped.css); see
/// <see cref="Golden"/> for updating them.
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
        Golden.Verify(
            (Path.Combine(s_folder, name + ".css"), Compile(name, null)),
            (Path.Combine(s_folder, name + ".scoped.css"), Compile(name, "components-card-card")));
    }

    private static string Compile(string name, string? classScope)
    {
        var diagnostics = new DiagnosticBag();
        var css = WxssCompiler.Compile(new SourceFile(name + ".wxss", File.ReadAllText(Path.Combine(s_folder, name + ".wxss"))), diagnostics, classScope);
        Assert.Empty(diagnostics);
        return css;
    }
}
