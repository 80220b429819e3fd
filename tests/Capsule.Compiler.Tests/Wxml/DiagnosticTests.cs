namespace Capsule.Compiler.Tests.Wxml;

/// <summary>Golden error messages: file, one-based line and column, and text.</summary>
public sealed class DiagnosticTests
{
    [Theory]
    [InlineData("<view>", "pages/index/index.wxml:1:2: <view> is not closed")]
    [InlineData("<view>\n  <text>a</view>", "pages/index/index.wxml:2:4: <text> is not closed before </view>")]
    [InlineData("<view></text>", "pages/index/index.wxml:1:9: </text> does not match <view>")]
    [InlineData("</view>", "pages/index/index.wxml:1:3: </view> has no matching opening tag")]
    [InlineData("<view>{{a +}}</view>", "pages/index/index.wxml:1:12: the expression ended too early")]
    [InlineData("<view>{{ }}</view>", "pages/index/index.wxml:1:10: expected an expression inside {{ }}")]
    [InlineData("<view>{{a b}}</view>", "pages/index/index.wxml:1:11: unexpected 'b' in expression")]
    [InlineData("<view>{{'abc}}</view>", "pages/index/index.wxml:1:9: unterminated string")]
    [InlineData("<view>{{a.}}</view>", "pages/index/index.wxml:1:11: expected a property name after '.'")]
    [InlineData("<view>{{f(1,}}</view>", "pages/index/index.wxml:1:13: the expression ended too early")]
    [InlineData("<view>{{[1, 2}}</view>", "pages/index/index.wxml:1:14: expected ']' but the expression ended")]
    [InlineData("<view class=\"{{a #}}\"></view>", "pages/index/index.wxml:1:18: unexpected '#' in expression")]
    [InlineData("<text>{{ {a: 1}.a }}</text>", "pages/index/index.wxml:1:16: unexpected '.' after an object literal")]
    [InlineData("<text>{{+a}}</text>", "pages/index/index.wxml:1:9: unexpected '+' in expression")]
    [InlineData("<view a=b></view>", "pages/index/index.wxml:1:9: the value of 'a' must be in quotes: a=\"…\"")]
    [InlineData("<view>a {{ b</view>", "pages/index/index.wxml:1:9: '{{' is not closed: expected '}}'")]
    [InlineData("<view>a < b</view>", "pages/index/index.wxml:1:9: '<' must start a tag; write &lt; for a literal '<'")]
    [InlineData("<text>{{typeof a}}</text>", "pages/index/index.wxml:1:16: unexpected 'a' in expression")]
    [InlineData("<wx-view></wx-view>", "pages/index/index.wxml:1:2: <wx-view>: tag names starting with wx- are reserved")]
    [InlineData("<text>{{ /* open a }}</text>", "pages/index/index.wxml:1:10: comment is not closed: expected '*/'")]
    [InlineData("<wxs>1</wxs>", "pages/index/index.wxml:1:2: <wxs> needs a module name: <wxs module=\"name\">")]
    [InlineData("<wxs module=\"m\" src=\"./nope.wxs\"/>", "pages/index/index.wxml:1:22: ./nope.wxs not found from pages/index/index.wxml")]
    [InlineData("<view class=\"x></view>", "pages/index/index.wxml:1:7: the value of 'class' in <view> has no closing \"")]
    [InlineData("<!-- open", "pages/index/index.wxml:1:1: comment is not closed: expected '-->'")]
    [InlineData("<text wx:elif=\"{{a}}\"></text>", "pages/index/index.wxml:1:7: wx:elif must follow an element with wx:if or wx:elif")]
    [InlineData("<text wx:else></text>", "pages/index/index.wxml:1:7: wx:else must follow an element with wx:if or wx:elif")]
    public void Errors_name_the_file_line_and_column(string wxml, string expected) =>
        Assert.Equal(expected, Render.Errors(wxml).Split('\n')[0]);

    [Fact]
    public void The_excerpt_points_a_caret_at_the_problem()
    {
        var result = Render.Run("<view>\n  {{ a + }}\n</view>");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(
            "pages/index/index.wxml:2:10: the expression ended too early\n    {{ a + }}\n           ^",
            diagnostic.ToStringWithExcerpt());
    }

    [Fact]
    public void Several_errors_are_all_reported()
    {
        var errors = Render.Errors("<view>{{a +}}</view>\n<text>{{b c}}</text>").Split('\n');
        Assert.Equal(2, errors.Length);
    }
}
