using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Projects;
using Capsule.Compiler.Wxml.Codegen;

namespace Capsule.Compiler.Tests.Wxml;

public sealed class RenderTests
{
    private static readonly System.Text.Json.JsonSerializerOptions s_json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Text_and_attributes_interpolate_data() =>
        Assert.Equal(
            """[{"tag":"wx-view","attr":{"class":"a b-1"},"children":["Hi, Ann!"]}]""",
            Render.Body("""<view class="a b-{{n}}">Hi, {{name}}!</view>""", """{"name":"Ann","n":1}"""));

    [Fact]
    public void An_attribute_that_is_one_expression_keeps_the_value_type() =>
        Assert.Equal(
            """[{"tag":"wx-view","attr":{"data-list":[1,2],"data-n":7,"data-ok":true},"children":[]}]""",
            Render.Body("""<view data-n="{{n}}" data-ok="{{n > 3}}" data-list="{{[1, 2]}}"/>""", """{"n":7}"""));

    [Fact]
    public void A_bare_attribute_is_true() =>
        Assert.Equal("""[{"tag":"wx-button","attr":{"disabled":true},"children":[]}]""", Render.Body("<button disabled></button>"));

    [Fact]
    public void Missing_data_renders_as_empty_text_and_member_access_on_it_does_not_throw() =>
        Assert.Equal("""[{"tag":"wx-text","attr":{},"children":["[]"]}]""", Render.Body("<text>[{{a.b.c}}]</text>"));

    [Theory]
    [InlineData("{{1 + 2 * 3}}", "7")]
    [InlineData("{{(1 + 2) * 3}}", "9")]
    [InlineData("{{'a' + 1 + 2}}", "a12")]
    [InlineData("{{7 % 4 - -1}}", "4")]
    [InlineData("{{!flag ? 'no' : 'yes'}}", "yes")]
    [InlineData("{{n > 2 && n <= 5 || false}}", "true")]
    [InlineData("{{n === 3}}{{n !== 3}}{{n == '3'}}", "truefalsetrue")]
    [InlineData("{{list[1].name}}", "b")]
    [InlineData("{{obj['k' + 1]}}", "v")]
    [InlineData("{{list.length}}", "2")]
    [InlineData("{{null}}|{{undefined}}|{{missing}}", "null||")]
    [InlineData("{{obj}}|{{list2}}", "[object Object]|1,2,3")]
    [InlineData("{{'}}'}}", "}}")]
    [InlineData("{{/* note */ n}}", "3")]
    [InlineData("{{fn()}}{{Math.max(1, 2)}}", "")]
    [InlineData("{{0.5 + .25}}", "0.75")]
    [InlineData("{{\"q\\\"uote\"}}", "q\"uote")]
    public void Expressions_follow_javascript_semantics(string wxml, string text) =>
        Assert.Equal(
            $$"""[{"tag":"wx-text","attr":{},"children":[{{System.Text.Json.JsonSerializer.Serialize(text, s_json)}}]}]""",
            Render.Body($"<text>{wxml}</text>", """{"flag":true,"n":3,"list":[{"name":"a"},{"name":"b"}],"obj":{"k1":"v"},"list2":[1,[2,3]]}"""));

    [Fact]
    public void Wx_for_repeats_with_item_and_index() =>
        Assert.Equal(
            """[{"tag":"wx-view","attr":{},"children":["0:a"]},{"tag":"wx-view","attr":{},"children":["1:b"]}]""",
            Render.Body("""<view wx:for="{{list}}" wx:key="*this">{{index}}:{{item}}</view>""", """{"list":["a","b"]}"""));

    [Fact]
    public void Wx_for_item_and_index_can_be_renamed_and_nested() =>
        Assert.Equal(
            """[{"tag":"wx-text","attr":{},"children":["0.0=1"]},{"tag":"wx-text","attr":{},"children":["0.1=2"]},{"tag":"wx-text","attr":{},"children":["1.0=3"]}]""",
            Render.Body(
                """
                <block wx:for="{{rows}}" wx:for-item="row" wx:for-index="r">
                  <text wx:for="{{row}}" wx:for-item="cell" wx:for-index="c">{{r}}.{{c}}={{cell}}</text>
                </block>
                """,
                """{"rows":[[1,2],[3]]}"""));

    [Fact]
    public void Wx_for_over_an_object_uses_keys_as_index() =>
        Assert.Equal(
            """[{"tag":"wx-text","attr":{},"children":["x=1"]},{"tag":"wx-text","attr":{},"children":["y=2"]}]""",
            Render.Body("""<text wx:for="{{o}}">{{index}}={{item}}</text>""", """{"o":{"x":1,"y":2}}"""));

    [Fact]
    public void Wx_for_over_a_number_counts_from_zero() =>
        Assert.Equal(
            """[{"tag":"wx-text","attr":{},"children":["0"]},{"tag":"wx-text","attr":{},"children":["1"]}]""",
            Render.Body("""<text wx:for="{{2}}">{{item}}</text>"""));

    [Fact]
    public void Loop_variables_shadow_data_only_inside_the_loop() =>
        Assert.Equal(
            """[{"tag":"wx-text","attr":{},"children":["in"]},{"tag":"wx-text","attr":{},"children":["out"]}]""",
            Render.Body("""<text wx:for="{{['in']}}">{{item}}</text><text>{{item}}</text>""", """{"item":"out"}"""));

    [Theory]
    [InlineData(1, "one")]
    [InlineData(2, "two")]
    [InlineData(3, "many")]
    public void Wx_if_elif_else_chooses_one_branch(int n, string expected) =>
        Assert.Equal(
            $$"""[{"tag":"wx-text","attr":{},"children":["{{expected}}"]}]""",
            Render.Body(
                """
                <text wx:if="{{n == 1}}">one</text>
                <text wx:elif="{{n == 2}}">two</text>
                <text wx:else>many</text>
                """,
                $$"""{"n":{{n}}}"""));

    [Fact]
    public void Wx_if_on_a_loop_applies_to_each_item() =>
        Assert.Equal(
            """[{"tag":"wx-text","attr":{},"children":["2"]},{"tag":"wx-text","attr":{},"children":["4"]}]""",
            Render.Body("""<text wx:for="{{[1,2,3,4]}}" wx:if="{{item % 2 == 0}}">{{item}}</text>"""));

    [Fact]
    public void Block_renders_only_its_children() =>
        Assert.Equal("""["a",{"tag":"wx-text","attr":{},"children":["b"]}]""", Render.Body("<block>a<text>b</text></block>"));

    [Fact]
    public void Entities_are_kept_as_written_as_wcc_does() =>
        Assert.Equal("""[{"tag":"wx-text","attr":{"a":"&lt;"},"children":["a &lt; b &amp; c"]}]""", Render.Body("""<text a="&lt;">a &lt; b &amp; c</text>"""));

    [Fact]
    public void Whitespace_only_text_is_dropped_but_other_text_is_kept_verbatim() =>
        Assert.Equal(
            """["x ",{"tag":"wx-view","attr":{},"children":[]},"\n  y  ",{"tag":"wx-text","attr":{},"children":[" "]}]""",
            Render.Body("x <view>  \n </view>\n  y  <text>\u00a0</text>"));

    [Fact]
    public void Dashed_attribute_names_are_camel_cased_except_data_and_colon_names() =>
        Assert.Equal(
            """[{"tag":"wx-view","attr":{"aB":"1","bind:my-event":"h","data-a-b":"2","hoverClass":"x","xYZ":"3"},"children":[]}]""",
            Render.Body("""<view hover-class="x" data-a-b="2" bind:my-event="h" x-y-z="3" a--b="1"/>"""));

    [Fact]
    public void Bare_attributes_come_first_then_the_rest_sorted_by_name() =>
        Assert.Equal(
            """[{"tag":"wx-view","attr":{"d":true,"z":true,"a":"x","c":"y"},"children":[]}]""",
            Render.Body("""<view z c="y" a="x" d/>"""));

    [Fact]
    public void A_duplicate_attribute_keeps_its_last_value() =>
        Assert.Equal("""[{"tag":"wx-view","attr":{"a":"2"},"children":[]}]""", Render.Body("""<view a="1" a="2"/>"""));

    [Fact]
    public void Unknown_wx_attributes_are_dropped_and_generics_are_kept_apart()
    {
        var json = Render.Json("""<comp wx:foo="1" generic:item="other-comp"/>""");
        Assert.Equal("""{"tag":"wx-page","children":[{"tag":"wx-comp","attr":{},"children":[],"raw":{},"generics":{"wx-item":"wx-other-comp"}}]}""", json);
    }

    [Fact]
    public void Model_attributes_bind_the_value_and_keep_the_raw_form()
    {
        var json = Render.Json("""<input model:value="{{v}}"/>""", """{"v":"x"}""");
        Assert.Equal("""{"tag":"wx-page","children":[{"tag":"wx-input","attr":{"value":"x"},"children":[],"raw":{},"generics":{},"rawAttr":{"model:value":"{{v}}"}}]}""", json);
    }

    [Fact]
    public void Wx_key_marks_each_item_out_of_band_and_the_json_stays_wcc_shaped()
    {
        const string wxml = """<view wx:for="{{list}}" wx:key="id">{{item.id}}</view><block wx:for="{{names}}" wx:key="*this"><text>{{item}}</text><text/></block><view wx:for="{{list}}" wx:key="missing"/>""";
        const string data = """{"list":[{"id":"a"},{"id":7}],"names":["x"]}""";
        Assert.Equal(
            """[{"tag":"wx-view","attr":{},"children":["a"]},{"tag":"wx-view","attr":{},"children":["7"]},{"tag":"wx-text","attr":{},"children":["x"]},{"tag":"wx-text","attr":{},"children":[]},{"tag":"wx-view","attr":{},"children":[]},{"tag":"wx-view","attr":{},"children":[]}]""",
            Render.Body(wxml, data));
        var files = InMemoryProjectFiles.FromText(new Dictionary<string, string> { [Render.Page] = wxml });
        var diagnostics = new DiagnosticBag();
        var view = ViewCompiler.Compile(files, ["pages/index/index"], diagnostics, minify: true);
        var engine = new Jint.Engine();
        engine.Execute($"var __views; function {ViewCompiler.RegisterFunction}(v) {{ __views = v; }}");
        engine.Execute(view.Text);
        var keys = engine.Evaluate($"__views['pages/index/index']({data}).children.map(function (c) {{ return String(c.key); }}).join(' ')").ToString();
        Assert.Matches(@"^(item\d+):a \1:7 (item\d+):x#0 \2:x#1 undefined undefined$", keys);
    }

    [Fact]
    public void Comments_are_dropped() =>
        Assert.Equal("""[{"tag":"wx-view","attr":{},"children":[]}]""", Render.Body("<!-- <text>gone</text> --><view></view>"));

    [Fact]
    public void A_less_than_sign_inside_an_expression_is_not_a_tag() =>
        Assert.Equal("""[{"tag":"wx-text","attr":{},"children":["true"]}]""", Render.Body("<text>{{1<2}}</text>"));

    [Fact]
    public void Hostile_data_stays_data() =>
        Assert.Equal(
            """[{"tag":"wx-text","attr":{"class":"<img onerror=x>"},"children":["<script>"]}]""",
            Render.Body("""<text class="{{c}}">{{t}}</text>""", """{"c":"<img onerror=x>","t":"<script>"}"""));
}
