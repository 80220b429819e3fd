using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Projects;
using Capsule.Compiler.Wxml.Codegen;
using Capsule.Testing;

namespace Capsule.Compiler.Tests.Wxml;

/// <summary>
/// Each Golden/*.wxml, compiled as a page, gives exactly the view script Golden/*.min.js, and readable,
/// Golden/*.readable.js; see <see cref="Golden"/> for updating them.
/// </summary>
public sealed class ViewGoldenTests
{
    private static readonly string s_folder = Path.Combine(RepoPaths.Root, "tests", "Capsule.Compiler.Tests", "Wxml", "Golden");

    public static IEnumerable<object[]> Cases() =>
        Directory.GetFiles(s_folder, "*.wxml").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileNameWithoutExtension(f) });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_matches_the_golden_file(string name)
    {
        Golden.Verify(
            (Path.Combine(s_folder, name + ".min.js"), Compile(name, minify: true)),
            (Path.Combine(s_folder, name + ".readable.js"), Compile(name, minify: false)));
    }

    private static string Compile(string name, bool minify)
    {
        var files = InMemoryProjectFiles.FromText(new Dictionary<string, string> { [name + ".wxml"] = File.ReadAllText(Path.Combine(s_folder, name + ".wxml")) });
        var diagnostics = new DiagnosticBag();
        var view = ViewCompiler.Compile(files, [name], diagnostics, minify);
        Assert.Empty(diagnostics);
        return view.Text.TrimEnd('\n');
    }
}
