using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Wxss;

namespace Capsule.Compiler.Tests.Wxss;

public sealed class WxssCompilerTests
{
    private static string Compile(string wxss)
    {
        var diagnostics = new DiagnosticBag();
        var css = WxssCompiler.Compile(new SourceFile("app.wxss", wxss), diagnostics);
        Assert.Empty(diagnostics);
        return css;
    }

    private static string Errors(string wxss)
    {
        var diagnostics = new DiagnosticBag();
        WxssCompiler.Compile(new SourceFile("app.wxss", wxss), diagnostics);
        return string.Join("\n", diagnostics);
    }

    [Fact]
    public void Rpx_becomes_a_fraction_of_the_viewport_width() =>
        Assert.Equal(".a{width:calc(750 * 100vw / 750);margin:calc(-10 * 100vw / 750) calc(.5 * 100vw / 750) 2px;}",
            Compile(".a { width: 750rpx; margin: -10rpx .5rpx 2px; }"));

    [Fact]
    public void Rpx_inside_strings_and_names_is_left_alone() =>
        Assert.Equal(".a{content:\"10rpx\";font-family:x10rpx;}", Compile(".a { content: \"10rpx\"; font-family: x10rpx }"));

    [Fact]
    public void Vh_in_declarations_becomes_hundredths_of_the_pages_window_and_at_rule_conditions_keep_it() =>
        Assert.Equal("@media (min-height: 50vh){.a{height:100cqh;margin-top:-5.5cqh;content:\"1vh\";font-family:x1vh;width:2vhx;}}",
            Compile("@media (min-height: 50vh) { .a { height: 100vh; margin-top: -5.5vh; content: \"1vh\"; font-family: x1vh; width: 2vhx } }"));

    [Fact]
    public void Element_selectors_name_the_rendered_elements() =>
        Assert.Equal("wx-page{color:red;}wx-view.a > wx-text,.b wx-image:first-child,#c{top:0;}",
            Compile("page { color: red } view.a > text, .b image:first-child, #c { top: 0 }"));

    [Fact]
    public void Media_and_keyframes_keep_their_structure() =>
        Assert.Equal("@media (max-width: 600px){wx-view{width:calc(10 * 100vw / 750);}}@keyframes spin{from{opacity:0;}to{opacity:1;}}",
            Compile("@media (max-width: 600px) { view { width: 10rpx } } @keyframes spin { from { opacity: 0 } to { opacity: 1 } }"));

    [Fact]
    public void Comments_are_dropped() =>
        Assert.Equal(".a{color:red;}", Compile("/* head */ .a { /* inner */ color: red; }"));

    [Theory]
    [InlineData(".a { color: red", "app.wxss:1:15: a '{' block is not closed: expected '}'")]
    [InlineData(".a { color: red } }", "app.wxss:1:19: unexpected '}' with no open block")]
    [InlineData(".a { color: red }\n/* open", "app.wxss:2:1: comment is not closed: expected '*/'")]
    [InlineData(".a { color: red }\n.b", "app.wxss:2:1: expected '{' after the selector")]
    public void Invalid_wxss_is_reported_with_its_position(string wxss, string expected) =>
        Assert.Equal(expected, Errors(wxss));
}
