using System.Text.Json.Nodes;

namespace Capsule.Compiler.Tests.Differential;

/// <summary>Hand-written cases beyond the feature probes: combinations real programs use.</summary>
internal static class HandWrittenCases
{
    private const string Page = "pages/index/index.wxml";

    /// <summary>Sample pages and the data their Page() declares.</summary>
    public static readonly (string Sample, string Page, string Data)[] SamplePages =
    [
        ("hello", "pages/index/index", """{"greeting":"Hello","name":"Capsule","fruits":[{"name":"Apple","price":3},{"name":"Mango","price":8},{"name":"Lychee","price":12}]}"""),
    ];

    public static IEnumerable<OracleCase> All =>
    [
        Case("list-with-conditions", """
            <view class="list">
              <view wx:for="{{orders}}" wx:key="id" class="order {{item.paid ? 'paid' : 'due'}}" data-id="{{item.id}}" bindtap="open">
                <text class="title">#{{item.id}} {{item.title}}</text>
                <text wx:if="{{item.items.length > 2}}">{{item.items.length}} items</text>
                <text wx:elif="{{item.items.length == 1}}">one item</text>
                <text wx:else>{{item.items[0]}} and {{item.items[1]}}</text>
                <block wx:for="{{item.items}}" wx:for-item="line" wx:for-index="i"><text>{{i}}={{line}};</text></block>
              </view>
              <view hidden="{{orders.length > 0}}">No orders</view>
            </view>
            """, """{"orders":[{"id":7,"title":"Tea","paid":true,"items":["a","b","c"]},{"id":8,"title":"Rice","paid":false,"items":["x"]},{"id":9,"title":"Soy","paid":false,"items":["p","q"]}]}"""),
        Case("template-gallery", """
            <template name="card"><view class="card {{cls}}"><text>{{title}}</text><text wx:if="{{price}}">¥{{price}}</text></view></template>
            <block wx:for="{{cards}}" wx:key="title"><template is="card" data="{{...item, cls: index % 2 ? 'odd' : 'even'}}"/></block>
            """, """{"cards":[{"title":"A","price":1},{"title":"B","price":0},{"title":"C"}]}"""),
        Case("template-dynamic-name", """
            <template name="big"><text class="big">{{v}}</text></template>
            <template name="small"><text class="small">{{v}}</text></template>
            <template wx:for="{{items}}" is="{{item.size}}" data="{{v: item.v}}"/>
            """, """{"items":[{"size":"big","v":1},{"size":"small","v":2},{"size":"none","v":3}]}"""),
        Case("import-and-include", """
            <import src="/common/ui.wxml"/>
            <include src="../../common/header.wxml"/>
            <template is="badge" data="{{n: count}}"/>
            """, """{"count":5,"title":"Shop"}""", new()
            {
                ["common/ui.wxml"] = """<template name="badge"><text class="badge">{{n > 99 ? '99+' : n}}</text></template><view>ignored</view>""",
                ["common/header.wxml"] = """<view class="header">{{title}}</view><template name="hidden">x</template>""",
            }),
        Case("wxs-formatting", """
            <wxs module="fmt">
              var money = function (cents) { return (cents / 100).toFixed(2); };
              var upper = function (s) { return s.toUpperCase(); };
              module.exports = { money: money, upper: upper, tags: ['a', 'b'] };
            </wxs>
            <view wx:for="{{prices}}">{{fmt.upper(item.name)}}: {{fmt.money(item.cents)}}</view>
            <text>{{fmt.tags}}</text>
            """, """{"prices":[{"name":"tea","cents":1250},{"name":"rice","cents":99}]}"""),
        Case("wxs-src-require", """
            <wxs module="u" src="./util.wxs"/>
            <text>{{u.pad(n)}}|{{u.twice(n)}}</text>
            """, """{"n":4}""", new()
            {
                ["pages/index/util.wxs"] = """var m = require('./math.wxs'); module.exports = { pad: function (n) { return n < 10 ? '0' + n : '' + n; }, twice: m.twice };""",
                ["pages/index/math.wxs"] = """module.exports.twice = function (n) { return n * 2; };""",
            }),
        Case("events-and-marks", """
            <view bindtap="a" catch:longpress="b" capture-bind:touchstart="c" mut-bind:tap="d" mark:id="{{id}}" data-set="{{ {x: 1} }}">x</view>
            """, """{"id":3}"""),
        Case("legacy-and-html-tags", """
            <div class="d"><span>s</span><p>p</p><a href="x">a</a><i class="icon"/></div>
            <modal hidden="{{!show}}" title="T" no-cancel>body</modal>
            <toast hidden="{{true}}">t</toast><loading hidden>l</loading>
            """, """{"show":true}"""),
        Case("components-and-slots", """
            <my-card title="{{t}}" some-prop="{{1 + 1}}" generic:renderer="my-renderer"><view slot="header">H</view><slot/></my-card>
            """, """{"t":"Title"}"""),
        Case("nested-for-shadowing", """
            <view wx:for="{{groups}}"><text wx:for="{{item.members}}">{{index}}:{{item}}</text></view>
            """, """{"groups":[{"members":["a","b"]},{"members":["c"]}]}"""),
        Case("expressions-mix", """
            <text>{{a + b * c - d % 3}}|{{(a + b) * c}}|{{a > b ? 'gt' : a === b ? 'eq' : 'lt'}}|{{!a || b && c}}|{{-a + b}}|{{s + a + b}}|{{arr[arr.length - 1]}}|{{o.k.deep}}|{{[a, b]}}</text>
            """, """{"a":3,"b":4,"c":5,"d":7,"s":"s","arr":[1,2,3],"o":{"k":{"deep":"d"}}}"""),
    ];

    private static OracleCase Case(string id, string wxml, string data, Dictionary<string, string>? files = null)
    {
        var all = new Dictionary<string, string>(files ?? []) { [Page] = wxml };
        return new OracleCase("hand/" + id, all, Page, JsonNode.Parse(data)!);
    }
}
