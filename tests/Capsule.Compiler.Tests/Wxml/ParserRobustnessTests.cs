using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Projects;
using Capsule.Compiler.Wxml.Codegen;
using Capsule.Compiler.Wxml.Syntax;

namespace Capsule.Compiler.Tests.Wxml;

/// <summary>The parser and code generator answer any input with a tree or diagnostics, never an exception.</summary>
public sealed class ParserRobustnessTests
{
    private const int Inputs = 10_000;

    private static readonly string[] s_fragments =
    [
        "<view", "</view>", "<text>", "</text>", ">", "/>", "<", "=", "\"", "'", "{{", "}}", "{{a.b[0]}}", "wx:if=\"{{x}}\"",
        "wx:for=\"{{list}}\"", "wx:elif", "wx:else", "<block>", "</block>", "<!--", "-->", "&amp;", "&#x41;", "<wxs module=\"m\">",
        "</wxs>", "<import src=\"t\"/>", "<include src=\"t.wxml\"/>", "<template name=\"x\">", "<template is=\"x\" data=\"{{...a}}\"/>", "</template>", "class=\"a {{b}}\"", " ", "\n", "{{", "[", "]", "(", ")", "?", ":", "...", "'x'", "1e9", "0x", "\\", "\u00e9", "\ud83d",
    ];

    [Fact]
    public void Random_and_mutated_inputs_never_throw()
    {
        var random = new Random(20261124);
        var seeds = new[]
        {
            File.ReadAllText(Path.Combine(Capsule.Testing.RepoPaths.Sample("hello"), "pages/index/index.wxml")),
            "<view wx:for=\"{{items}}\" wx:key=\"id\"><text wx:if=\"{{item.a > 1 ? 'x' : y}}\">{{item.name}}</text><text wx:else/></view>",
        };
        for (var i = 0; i < Inputs; i++)
        {
            var input = (i % 3) switch
            {
                0 => Mutate(seeds[i % seeds.Length], random),
                1 => Assemble(random),
                _ => RandomChars(random),
            };
            var files = InMemoryProjectFiles.FromText(new Dictionary<string, string> { ["fuzz.wxml"] = input, ["t.wxml"] = input });
            ViewCompiler.Compile(files, ["fuzz"], new DiagnosticBag(), minify: i % 2 == 0);
        }
    }

    [Fact]
    public void Deep_nesting_is_reported_not_a_stack_overflow()
    {
        var deep = string.Concat(Enumerable.Repeat("<view>", 5000)) + string.Concat(Enumerable.Repeat("</view>", 5000));
        var diagnostics = new DiagnosticBag();
        WxmlParser.Parse(new SourceFile("deep.wxml", deep), diagnostics);
        Assert.Contains(diagnostics, d => d.Message.Contains("nested more than"));

        var deepExpression = "<text>{{" + new string('(', 5000) + "1" + new string(')', 5000) + "}}</text>";
        Assert.Contains("nested more than", Render.Errors(deepExpression));
    }

    private static string Mutate(string seed, Random random)
    {
        var chars = seed.ToList();
        for (var edits = random.Next(1, 8); edits > 0 && chars.Count > 0; edits--)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(3))
            {
                case 0: chars.RemoveAt(at); break;
                case 1: chars.InsertRange(at, s_fragments[random.Next(s_fragments.Length)]); break;
                default: chars[at] = (char)random.Next(32, 127); break;
            }
        }
        return new string([.. chars]);
    }

    private static string Assemble(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => s_fragments[random.Next(s_fragments.Length)]));

    private static string RandomChars(Random random) =>
        new([.. Enumerable.Range(0, random.Next(0, 200)).Select(_ => (char)random.Next(0, 0x3000))]);
}
