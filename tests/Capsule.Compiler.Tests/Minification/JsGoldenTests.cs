using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Logic;
using Capsule.Compiler.Minification;
using Capsule.Testing;

namespace Capsule.Compiler.Tests.Minification;

/// <summary>
/// Each Golden/*.js, made CommonJS and minified as the logic bundle does it, gives exactly Golden/*.min.js, which
/// parses to the same program; see <see cref="Golden"/> for updating them.
/// </summary>
public sealed class JsGoldenTests
{
    private static readonly string s_folder = Path.Combine(RepoPaths.Root, "tests", "Capsule.Compiler.Tests", "Minification", "Golden");

    public static IEnumerable<object[]> Cases() =>
        Directory.GetFiles(s_folder, "*.js").Where(f => !f.EndsWith(".min.js", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileNameWithoutExtension(f) });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_matches_the_golden_file(string name)
    {
        var diagnostics = new DiagnosticBag();
        var script = EsModuleTransform.Transform(new SourceFile(name + ".js", File.ReadAllText(Path.Combine(s_folder, name + ".js"))), diagnostics, tokenize: true);
        Assert.Empty(diagnostics);
        var minified = JsMinifier.Minify(script.Text, script.Tokens!).Text;
        JsShape.AssertSame(script.Text, minified);
        Golden.Verify((Path.Combine(s_folder, name + ".min.js"), minified));
    }
}
