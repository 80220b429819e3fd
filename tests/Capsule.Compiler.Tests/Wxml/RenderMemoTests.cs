using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Projects;
using Capsule.Compiler.Wxml.Codegen;
using Jint;

namespace Capsule.Compiler.Tests.Wxml;

/// <summary>
/// The render memo: rendered twice with the view's memo, a <c>wx:for</c> item whose inputs kept their identity gives
/// back its nodes of the first render, and every other item is made again, so the second tree is always the one a
/// render without memo makes. The data changes as the view changes it: by copying what a setData path goes through.
/// </summary>
public sealed class RenderMemoTests
{
    /// <summary>
    /// Renders the page with <c>first</c>'s data, then with the data <c>change(D)</c> returns, with one memo. In
    /// <paramref name="check"/>, <c>a</c> and <c>b</c> are the two trees' page children; it returns a string.
    /// Fails unless <c>b</c> is, as JSON and in its wx:key identities, what a render without memo makes.
    /// </summary>
    private static string Run(string wxml, string first, string change, string check, Dictionary<string, string>? files = null)
    {
        var project = new Dictionary<string, string>(files ?? []) { [Render.Page] = wxml };
        var diagnostics = new DiagnosticBag();
        var view = ViewCompiler.Compile(InMemoryProjectFiles.FromText(project), ["pages/index/index"], diagnostics, minify: true);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics));
        var engine = new Engine();
        engine.Execute($"var __views; function {ViewCompiler.RegisterFunction}(v) {{ __views = v; }}");
        engine.Execute(view.Text);
        engine.Execute($$"""
            var render = __views["pages/index/index"];
            var memo = { p: new Map(), n: new Map() };
            var D = {{first}};
            var a = render(D, memo).children;
            var D2 = ({{change}})(D);
            var b = render(D2, memo).children;
            var keys = function (nodes) {
              return nodes.map(function (n) { return typeof n === "string" ? n : [n.key || "", keys(n.children)]; });
            };
            var fresh = render(D2).children;
            var same = JSON.stringify(b) === JSON.stringify(fresh) && JSON.stringify(keys(b)) === JSON.stringify(keys(fresh));
            """);
        Assert.True(engine.Evaluate("same").AsBoolean(), "the memoized render differs from a fresh one: " + engine.Evaluate("JSON.stringify([b, keys(b)])"));
        return engine.Evaluate($"(function () {{ {check} }})()").ToString();
    }

    private const string Rows = """{ rows: [{ id: 1, label: "a" }, { id: 2, label: "b" }, { id: 3, label: "c" }], selected: 0, other: 0 }""";

    /// <summary>What the view does for <c>setData({ 'rows[1].label': 'B' })</c>.</summary>
    private const string ChangeSecondRow = """function (D) { var rows = D.rows.slice(); rows[1] = { id: 2, label: "B" }; return { ...D, rows: rows }; }""";

    [Fact]
    public void Items_whose_data_kept_its_identity_are_reused_and_the_changed_one_is_made_again() =>
        Assert.Equal(
            "true,false,true",
            Run("""<view wx:for="{{rows}}" wx:key="id">{{item.label}}</view>""", Rows, ChangeSecondRow, "return [a[0] === b[0], a[1] === b[1], a[2] === b[2]].join();"));

    [Fact]
    public void A_value_read_from_outside_the_item_is_an_input_of_every_item() =>
        Assert.Equal(
            "false,false|true,true",
            Run(
                """<view wx:for="{{rows}}" class="{{item.id === selected ? 'on' : ''}}">{{item.label}}</view>""",
                Rows,
                "function (D) { return { ...D, selected: 2 }; }",
                """
                var changed = [a[0] === b[0], a[1] === b[1]].join();
                var c = render({ ...D2, other: 1 }, memo).children;
                return changed + "|" + [c[0] === b[0], c[1] === b[1]].join();
                """));

    [Fact]
    public void An_inner_loop_makes_its_items_again_when_the_outer_item_they_read_changed() =>
        Assert.Equal(
            "G-1,G-2",
            Run(
                """<view wx:for="{{groups}}" wx:for-item="g"><text wx:for="{{g.items}}">{{g.name}}-{{item}}</text></view>""",
                """{ groups: [{ name: "g", items: [1, 2] }] }""",
                """function (D) { return { groups: [{ name: "G", items: D.groups[0].items }] }; }""",
                "return b[0].children.map(function (t) { return t.children[0]; }).join();"));

    [Fact]
    public void Nested_blocks_whose_items_share_one_parent_keep_their_keys_across_renders() =>
        Assert.Equal(
            "3",
            Run(
                """<block wx:for="{{groups}}" wx:for-item="x" wx:key="id"><block wx:for="{{x.list}}" wx:key="*this"><view>{{item}}</view></block></block>""",
                """{ groups: [{ id: 1, list: [7, 8] }, { id: 2, list: [9] }] }""",
                "function (D) { var groups = D.groups.slice(); groups[0] = { ...groups[0], name: 'n' }; return { groups: groups }; }",
                "return String(new Set(b.map(function (n) { return n.key; })).size);"));

    [Fact]
    public void The_wx_key_is_an_input_even_where_the_nodes_do_not_show_the_item() =>
        Assert.Equal(
            "b|a",
            Run(
                """<block wx:for="{{words}}" wx:key="*this"><input/></block><view wx:for="{{rows}}" wx:key="id"/>""",
                """{ words: ["a", "b"], rows: [{ id: "a" }, { id: "b" }] }""",
                "function (D) { return { words: D.words.slice().reverse(), rows: D.rows.slice().reverse() }; }",
                "return b[0].key.split(':')[1] + '|' + b[3].key.split(':')[1];"));

    [Fact]
    public void An_item_with_an_include_depends_on_all_the_data() =>
        Assert.Equal(
            "T",
            Run(
                """<view wx:for="{{rows}}"><include src="title.wxml"/></view>""",
                """{ rows: [{ id: 1 }], title: "t" }""",
                """function (D) { return { ...D, title: "T" }; }""",
                "return b[0].children[0];",
                new() { ["pages/index/title.wxml"] = "{{title}}" }));

    [Fact]
    public void A_wxs_call_is_not_an_input_so_items_calling_one_are_reused() =>
        Assert.Equal(
            "true|A",
            Run(
                """<wxs module="f">module.exports.up = function (s) { return s.toUpperCase(); };</wxs><view wx:for="{{rows}}">{{f.up(item.label)}}</view>""",
                Rows,
                "function (D) { return { ...D, other: 1 }; }",
                "return (a[0] === b[0]) + '|' + b[0].children[0];"));

    [Fact]
    public void Loops_inside_templates_render_without_a_memo() =>
        Assert.Equal(
            "a,B",
            Run(
                """<template name="t"><text wx:for="{{list}}">{{item.label}}</text></template><template is="t" data="{{list: rows}}"/>""",
                Rows,
                ChangeSecondRow,
                "return [b[0].children[0], b[1].children[0]].join();"));
}
