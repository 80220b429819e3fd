using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Capsule.Compiler.Tests.Differential;

/// <summary>
/// Random WXML pages and data from a fixed seed: nested elements, text and attributes with expressions,
/// wx:for (default and renamed variables, over arrays, objects, strings and numbers), wx:if chains, blocks
/// and templates. Every page is valid WXML, so both compilers must produce the same tree.
/// </summary>
internal sealed class RandomCases
{
    private static readonly string[] s_tags = ["view", "text", "span", "my-item", "button", "image"];
    private static readonly string[] s_attributes = ["class", "id", "style", "data-id", "data-name", "hover-class", "src", "mode", "size"];
    private static readonly string[] s_words = ["a", "b", "hello", "中文", "x y", "0", "-", "&"];

    private readonly Random _random;
    private readonly List<string> _templates = [];
    private int _loopDepth;

    private RandomCases(Random random) => _random = random;

    public static IEnumerable<OracleCase> Generate(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var generator = new RandomCases(random);
            var wxml = generator.Page();
            var data = generator.Data();
            yield return new OracleCase($"random/{i:D3}", new Dictionary<string, string> { ["pages/index/index.wxml"] = wxml }, "pages/index/index.wxml", data);
        }
    }

    private string Page()
    {
        var body = new StringBuilder();
        if (Chance(0.3))
        {
            var name = "t" + _random.Next(3);
            _templates.Add(name);
            body.Append($"<template name=\"{name}\">{Nodes(2, [])}</template>");
        }
        body.Append(Nodes(3, []));
        return body.ToString();
    }

    private string Nodes(int depth, List<string> locals)
    {
        var builder = new StringBuilder();
        for (var n = _random.Next(1, 4); n > 0; n--)
        {
            builder.Append(Node(depth, locals));
            if (Chance(0.3))
            {
                builder.Append('\n');
            }
        }
        return builder.ToString();
    }

    private string Node(int depth, List<string> locals)
    {
        var roll = depth <= 0 ? _random.Next(2) : _random.Next(8);
        return roll switch
        {
            0 => Text(locals),
            1 => Element(depth, locals, ""),
            2 => Loop(depth, locals),
            3 => Conditional(depth, locals),
            4 => $"<block>{Nodes(depth - 1, locals)}</block>",
            5 when _templates.Count > 0 => $"<template is=\"{Pick(_templates)}\" data=\"{{{{a: {Expr(2, locals)}, s}}}}\"/>",
            _ => Element(depth, locals, ""),
        };
    }

    private string Text(List<string> locals) => Chance(0.5)
        ? Pick(s_words) + $"{{{{{Expr(2, locals)}}}}}" + (Chance(0.5) ? " " + Pick(s_words) : "")
        : $"{{{{{Expr(3, locals)}}}}}";

    private string Element(int depth, List<string> locals, string extra)
    {
        var tag = Pick(s_tags);
        var attributes = new StringBuilder(extra);
        foreach (var name in s_attributes.Where(_ => Chance(0.2)))
        {
            attributes.Append(' ').Append(name).Append("=\"").Append(AttributeValue(locals)).Append('"');
        }
        if (Chance(0.15))
        {
            attributes.Append(" disabled");
        }
        if (Chance(0.15))
        {
            attributes.Append(" bindtap=\"onTap\"");
        }
        return Chance(0.2) || depth <= 0
            ? $"<{tag}{attributes}/>"
            : $"<{tag}{attributes}>{Nodes(depth - 1, locals)}</{tag}>";
    }

    private string AttributeValue(List<string> locals) => _random.Next(3) switch
    {
        0 => Pick(s_words),
        1 => $"{{{{{Expr(2, locals)}}}}}",
        _ => $"{Pick(s_words)}-{{{{{Expr(1, locals)}}}}}",
    };

    private string Loop(int depth, List<string> locals)
    {
        if (_loopDepth >= 2)
        {
            return Element(depth, locals, "");
        }
        _loopDepth++;
        var source = Pick(["{{list}}", "{{nums}}", "{{o}}", "{{s}}", "{{3}}", "{{[1, 'two', n]}}", "{{list[0].tags}}"]);
        var renamed = Chance(0.4);
        var item = renamed ? "it" + _loopDepth : "item";
        var index = renamed ? "ix" + _loopDepth : "index";
        var names = renamed ? $" wx:for-item=\"{item}\" wx:for-index=\"{index}\"" : "";
        var inner = new List<string>(locals) { item, index };
        var condition = Chance(0.25) ? $" wx:if=\"{{{{{Expr(1, inner)}}}}}\"" : "";
        var key = Chance(0.5) ? " wx:key=\"*this\"" : "";
        var result = Chance(0.3)
            ? $"<block wx:for=\"{source}\"{names}{key}>{Nodes(depth - 1, inner)}</block>"
            : Element(depth, inner, $" wx:for=\"{source}\"{names}{key}{condition}");
        _loopDepth--;
        return result;
    }

    private string Conditional(int depth, List<string> locals)
    {
        var builder = new StringBuilder(Element(depth - 1, locals, $" wx:if=\"{{{{{Expr(2, locals)}}}}}\""));
        if (Chance(0.5))
        {
            builder.Append(Element(depth - 1, locals, $" wx:elif=\"{{{{{Expr(2, locals)}}}}}\""));
        }
        if (Chance(0.5))
        {
            builder.Append(Element(depth - 1, locals, " wx:else"));
        }
        return builder.ToString();
    }

    private string Expr(int depth, List<string> locals)
    {
        if (depth <= 0)
        {
            return Atom(locals);
        }
        return _random.Next(9) switch
        {
            0 => $"{Expr(depth - 1, locals)} {Pick(["+", "-", "*", "%"])} {Expr(depth - 1, locals)}",
            1 => $"{Expr(depth - 1, locals)} {Pick(["==", "===", "!=", "!==", "<", ">", "<=", ">="])} {Expr(depth - 1, locals)}",
            2 => $"{Expr(depth - 1, locals)} {Pick(["&&", "||"])} {Expr(depth - 1, locals)}",
            3 => $"{Expr(depth - 1, locals)} ? {Expr(depth - 1, locals)} : {Expr(depth - 1, locals)}",
            4 => $"{Pick(["!", "-"])}{Atom(locals)}",
            5 => $"({Expr(depth - 1, locals)})",
            6 => $"[{Expr(depth - 1, locals)}, {Atom(locals)}]",
            _ => Atom(locals),
        };
    }

    private string Atom(List<string> locals)
    {
        if (locals.Count > 0 && Chance(0.4))
        {
            var local = Pick(locals);
            return Chance(0.3) ? local + Pick([".name", ".n", "[0]", ".length"]) : local;
        }
        return _random.Next(12) switch
        {
            0 => _random.Next(-5, 100).ToString(CultureInfo.InvariantCulture),
            1 => (_random.Next(0, 1000) / 8.0).ToString(CultureInfo.InvariantCulture),
            2 => $"'{Pick(s_words)}'",
            3 => Pick(["true", "false", "null"]),
            4 => "list[" + _random.Next(3) + "].name",
            5 => "o." + Pick(["a", "b", "missing"]),
            6 => "nums.length",
            7 => "missing.deep",
            _ => Pick(["n", "s", "f", "b", "z", "nums", "o", "list", "missing"]),
        };
    }

    private JsonNode Data()
    {
        var list = new JsonArray();
        for (var i = _random.Next(0, 4); i > 0; i--)
        {
            list.Add(new JsonObject
            {
                ["name"] = Pick(s_words),
                ["n"] = _random.Next(-3, 20),
                ["tags"] = new JsonArray([.. Enumerable.Range(0, _random.Next(3)).Select(_ => (JsonNode)Pick(s_words))]),
            });
        }
        return new JsonObject
        {
            ["n"] = _random.Next(-10, 50),
            ["f"] = _random.Next(0, 400) / 16.0,
            ["s"] = Pick(s_words),
            ["b"] = Chance(0.5),
            ["z"] = null,
            ["nums"] = new JsonArray([.. Enumerable.Range(0, _random.Next(5)).Select(_ => (JsonNode)_random.Next(0, 9))]),
            ["o"] = new JsonObject { ["a"] = _random.Next(5), ["b"] = Pick(s_words) },
            ["list"] = list,
        };
    }

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
