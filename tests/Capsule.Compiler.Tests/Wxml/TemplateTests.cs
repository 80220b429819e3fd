namespace Capsule.Compiler.Tests.Wxml;

/// <summary>Templates, import, include and WXS, with WeChat's scoping rules.</summary>
public sealed class TemplateTests
{
    private static string Body(string wxml, string data = "{}", Dictionary<string, string>? files = null) =>
        Render.Json(wxml, data, files)
            .Replace(",\"raw\":{},\"generics\":{}", "", StringComparison.Ordinal)["{\"tag\":\"wx-page\",\"children\":".Length..^1];

    [Fact]
    public void A_template_renders_where_it_is_used_with_only_its_data() =>
        Assert.Equal(
            """[{"tag":"wx-text","attr":{},"children":["1-2-"]}]""",
            Body("""<template name="t"><text>{{a}}-{{b}}-{{n}}</text></template><template is="t" data="{{a: 1, b}}"/>""", """{"b":2,"n":9}"""));

    [Fact]
    public void Template_data_spreads_objects() =>
        Assert.Equal(
            """[{"tag":"wx-text","attr":{},"children":["x9"]}]""",
            Body("""<template name="t"><text>{{k}}{{a}}</text></template><template is="t" data="{{...o, a: 9}}"/>""", """{"o":{"k":"x","a":1}}"""));

    [Fact]
    public void The_template_name_can_be_an_expression() =>
        Assert.Equal(
            """["B"]""",
            Body("""<template name="a">A</template><template name="b">B</template><template is="{{which}}"/>""", """{"which":"b"}"""));

    [Fact]
    public void A_missing_template_renders_nothing() =>
        Assert.Equal("[]", Body("""<template is="nope"/>"""));

    [Fact]
    public void Direct_recursion_stops_after_one_level() =>
        Assert.Equal("""["r"]""", Body("""<template name="r">r<template is="r"/></template><template is="r"/>"""));

    [Fact]
    public void Import_brings_in_the_templates_of_a_file_but_not_its_other_content() =>
        Assert.Equal(
            """[{"tag":"wx-text","attr":{},"children":["A1"]}]""",
            Body(
                """<import src="/common/a.wxml"/><template is="A" data="{{v: 1}}"/>""",
                files: new() { ["common/a.wxml"] = """<template name="A"><text>A{{v}}</text></template><view>not rendered</view>""" }));

    [Fact]
    public void Import_is_not_transitive_but_an_imported_template_can_use_its_own_imports()
    {
        var files = new Dictionary<string, string>
        {
            ["pages/index/a.wxml"] = """<import src="b.wxml"/><template name="A">a<template is="B"/></template>""",
            ["pages/index/b.wxml"] = """<template name="B">b</template>""",
        };
        Assert.Equal("""["a","b"]""", Body("""<import src="a"/><template is="A"/><template is="B"/>""", files: files));
    }

    [Fact]
    public void Include_brings_in_content_but_not_templates_and_sees_the_page_data()
    {
        var files = new Dictionary<string, string>
        {
            ["pages/header.wxml"] = """<template name="H">no</template><text>{{title}}</text>""",
        };
        Assert.Equal(
            """[{"tag":"wx-text","attr":{},"children":["Hi"]}]""",
            Body("""<include src="../header.wxml"/><template is="H"/>""", """{"title":"Hi"}""", files));
    }

    [Fact]
    public void A_missing_include_is_a_warning_and_renders_nothing()
    {
        var result = Render.Run("""<include src="nope.wxml"/><view/>""");
        Assert.NotNull(result.Json);
        Assert.Equal("pages/index/index.wxml:1:15: warning: nope.wxml not found from pages/index/index.wxml: nothing is rendered for it", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void An_inline_wxs_module_is_callable_from_the_page() =>
        Assert.Equal(
            """[{"tag":"wx-text","attr":{"c":6},"children":["6 hi"]}]""",
            Body(
                """
                <wxs module="m">
                  var f = function (n) { return n * 2; };
                  module.exports = { f: f, v: "hi" };
                </wxs>
                <text c="{{m.f(n)}}">{{m.f(n)}} {{m.v}}</text>
                """,
                """{"n":3}"""));

    [Fact]
    public void A_wxs_file_can_require_another_and_use_getRegExp()
    {
        var files = new Dictionary<string, string>
        {
            ["utils/format.wxs"] = """var pad = require('./pad.wxs'); module.exports.price = function (p) { return '¥' + pad.two(p); };""",
            ["utils/pad.wxs"] = """module.exports.two = function (n) { return (n < 10 ? '0' : '') + n; }; module.exports.re = getRegExp('^a', 'i');""",
        };
        Assert.Equal(
            """["¥07 true"]""",
            Body("""<wxs module="fmt" src="/utils/format.wxs"/><wxs module="pad" src="../../utils/pad.wxs"/>{{fmt.price(7)}} {{pad.re.test('Abc')}}""", files: files));
    }

    [Fact]
    public void A_wxs_function_that_throws_renders_as_empty_text() =>
        Assert.Equal("""["[]"]""", Body("""<wxs module="m">module.exports.f = function () { throw 1; };</wxs>[{{m.f()}}]"""));

    [Fact]
    public void Templates_see_the_wxs_modules_of_their_own_file()
    {
        var files = new Dictionary<string, string>
        {
            ["pages/index/t.wxml"] = """<wxs module="u">module.exports.up = function (s) { return s.toUpperCase(); };</wxs><template name="T">{{u.up(s)}}</template>""",
        };
        Assert.Equal("""["OK"]""", Body("""<import src="t.wxml"/><template is="T" data="{{s: 'ok'}}"/>""", files: files));
    }
}
