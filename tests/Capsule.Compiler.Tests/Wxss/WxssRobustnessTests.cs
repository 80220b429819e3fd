using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Wxss;

namespace Capsule.Compiler.Tests.Wxss;

/// <summary>The WXSS compiler answers any input with CSS or diagnostics, never an exception or a hang.</summary>
public sealed class WxssRobustnessTests
{
    private static readonly string[] s_fragments =
    [
        "view", ".a", "#b", ":nth-child(2n+1)", ":not(.c)", "(", ")", "[", "]", "[x=\"y\"]", "{", "}", ";", ":", "10rpx", "-5rpx",
        "@media (max-width: 1px)", "@keyframes k", "@import \"x.wxss\"", "/*", "*/", "\"", "'", ",", ">", "+", "~", " ", "\n", "\\",
        "url(", "calc(", "from", "to", "0%", "color: red", "\u00e9", "\ud83d",
    ];

    [Fact]
    public void Random_and_assembled_inputs_never_throw()
    {
        var random = new Random(20261124);
        for (var i = 0; i < 10_000; i++)
        {
            var input = i % 2 == 0
                ? string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => s_fragments[random.Next(s_fragments.Length)]))
                : new string([.. Enumerable.Range(0, random.Next(0, 200)).Select(_ => (char)random.Next(0, 0x3000))]);
            WxssCompiler.Compile(new SourceFile("fuzz.wxss", input), new DiagnosticBag(), i % 3 == 0 ? "scope" : null, (_, _) => "");
        }
    }
}
