using System.Text;
using System.Text.RegularExpressions;
using Capsule.Compiler.Projects;

namespace Capsule.Compiler.Tests;

/// <summary>
/// Every script in a bundle names a source map that leads back to the original WXML, WXS and JS: minified, to the
/// line and column of each token (logic and WXS) and of each WXML element and attribute; readable, to the line.
/// </summary>
public sealed partial class SourceMapTests
{
    private static readonly Dictionary<string, string> s_project = new()
    {
        ["app.json"] = """{ "pages": ["pages/index/index"] }""",
        ["app.js"] = "// The app\nApp({\n  onLaunch() {\n    boom();\n  },\n});\n",
        ["utils/price.js"] = "/* prices */\nfunction price(cents) {\n  return (cents / 100)\n    .toFixed(2)\n}\nmodule.exports = { price }\n",
        ["pages/index/index.js"] = "import { price } from '../../utils/price';\n\nPage({\n  data: { total: price(1999) },\n  onTap(e) {\n    throw new Error(e.type);\n  },\n});\n",
        ["pages/index/index.wxml"] = "<view>\n  <text class=\"t\">{{a}}</text>\n</view>\n<wxs module=\"m\">\nmodule.exports = {\n  double: function (x) { return x * 2; }\n};\n</wxs>",
    };

    [Fact]
    public void Every_mapped_token_of_a_minified_commonjs_file_is_the_same_token_at_its_line_and_column()
    {
        var (code, _, map) = Files(bundle => bundle.Manifest.Logic);
        var lines = code.Split('\n');
        var mappings = map.Mappings.Where(m => m.Original.Source is "app.js" or "utils/price.js").ToList();
        Assert.Equal(32, mappings.Count);
        foreach (var (line, column, original) in mappings)
        {
            var token = TokenAt(Source(original.Source).Split('\n')[original.Line], original.Column);
            Assert.True(string.CompareOrdinal(lines[line], column, token, 0, token.Length) == 0, $"{line}:{column} is not {token} of {original}");
        }
        Assert.Equal(("app.js", 3, 4), Original(code, map, "boom"));
        Assert.Equal(("utils/price.js", 3, 5), Original(code, map, "toFixed"));
        Assert.Equal(("utils/price.js", 2, 18), Original(code, map, "100"));
    }

    [Fact]
    public void Tokens_of_a_rewritten_es_module_map_to_where_they_were_and_added_code_to_its_start()
    {
        var (code, _, map) = Files(bundle => bundle.Manifest.Logic);
        Assert.Equal(("pages/index/index.js", 5, 4), Original(code, map, "throw"));
        Assert.Equal(("pages/index/index.js", 5, 14), Original(code, map, "Error"));
        Assert.Equal(("pages/index/index.js", 3, 17), Original(code, map, "(0,_price.price)(1999)"));
        Assert.Equal(("pages/index/index.js", 3, 23), Original(code, map, "1999"));
        Assert.Equal(("pages/index/index.js", 0, 0), Original(code, map, "require("));
    }

    [Fact]
    public void Wrapping_code_maps_to_nothing()
    {
        var (code, _, map) = Files(bundle => bundle.Manifest.Logic);
        Assert.Null(Original(code, map, "__capsuleDefine(\"utils/price.js\""));
        Assert.Null(Original(code, map, "});\n__capsuleDefine(\"utils/price.js\""));
        var (view, _, viewMap) = Files(bundle => bundle.Manifest.View);
        Assert.Null(Original(view, viewMap, "var $own="));
        Assert.Null(Original(view, viewMap, "};\n$F["));
    }

    [Fact]
    public void Minified_view_statements_map_to_their_wxml_element_or_attribute_and_wxs_tokens_to_theirs()
    {
        var (code, mapName, map) = Files(bundle => bundle.Manifest.View);
        Assert.Equal(("pages/index/index.wxml", 1, 3), Original(code, map, ElementStatement().Match(code).Value));
        Assert.Equal(("pages/index/index.wxml", 1, 8), Original(code, map, ".attr.class=\"t\""));
        Assert.Equal(("pages/index/index.wxml", 1, 18), Original(code, map, ".children.push(\"\"+$t($g(D,\"a\")))"));
        Assert.Equal(("pages/index/index.wxml", 5, 2), Original(code, map, "double"));
        Assert.Equal(("pages/index/index.wxml", 5, 32), Original(code, map, "x*2;}"));
        Assert.EndsWith($"//# sourceMappingURL={mapName}\n", code);
        Assert.Contains(s_project["pages/index/index.wxml"], map.Contents);
    }

    [Fact]
    public void A_wxs_module_that_does_not_parse_is_kept_as_written_and_mapped_by_line()
    {
        var project = new Dictionary<string, string>(s_project)
        {
            ["pages/index/index.wxml"] = "<view/>\n<wxs module=\"m\">\nvar broken = ;\nmodule.exports = broken;\n</wxs>",
        };
        var (code, _, map) = Files(bundle => bundle.Manifest.View, project: project);
        Assert.Contains("{\n\nvar broken = ;\nmodule.exports = broken;\n\n};", code);
        Assert.Equal(("pages/index/index.wxml", 3, 0), Original(code, map, "module.exports = broken;"));
    }

    [Fact]
    public void Readable_scripts_map_each_line_to_its_line()
    {
        var options = new CompileOptions { Minify = false };
        var (logic, _, logicMap) = Files(bundle => bundle.Manifest.Logic, options);
        Assert.Equal(("app.js", 3, 0), Original(logic, logicMap, "    boom();"));
        Assert.Equal(("pages/index/index.js", 5, 0), Original(logic, logicMap, "    throw new Error(e.type);"));
        var (view, _, viewMap) = Files(bundle => bundle.Manifest.View, options);
        Assert.Equal(("pages/index/index.wxml", 1, 3), Original(view, viewMap, ElementStatement().Match(view).Value));
        Assert.Equal(("pages/index/index.wxml", 5, 0), Original(view, viewMap, "  double: function (x) { return x * 2; }"));
    }

    private static (string Code, string MapName, SourceMapReader Map) Files(
        Func<Bundling.Bundle, string> pick, CompileOptions? options = null, Dictionary<string, string>? project = null)
    {
        var result = ProjectCompiler.Compile(InMemoryProjectFiles.FromText(project ?? s_project), options);
        Assert.True(result.Bundle is not null, string.Join("\n", result.Diagnostics));
        var bundle = result.Bundle;
        var code = Encoding.UTF8.GetString(bundle.Files.Single(f => f.Name == pick(bundle)).Content);
        var mapName = code[(code.LastIndexOf("sourceMappingURL=", StringComparison.Ordinal) + "sourceMappingURL=".Length)..].Trim();
        return (code, mapName, new SourceMapReader(bundle.Files.Single(f => f.Name == mapName).Content));
    }

    /// <summary>The original position of the generated code that starts with <paramref name="text"/> (its only occurrence).</summary>
    private static (string Source, int Line, int Column)? Original(string code, SourceMapReader map, string text)
    {
        var offset = code.IndexOf(text, StringComparison.Ordinal);
        Assert.True(offset >= 0 && code.IndexOf(text, offset + 1, StringComparison.Ordinal) < 0, $"{text} is not in the code exactly once");
        var line = code.AsSpan(0, offset).Count('\n');
        return map.Original(line, offset - (code.LastIndexOf('\n', Math.Max(offset - 1, 0)) + 1));
    }

    private static string Source(string path) => s_project[path];

    /// <summary>The identifier, number or single punctuator at a column.</summary>
    private static string TokenAt(string line, int column) => Token().Match(line, column).Value;

    [GeneratedRegex(@"\G([A-Za-z0-9_$]+|\S)")]
    private static partial Regex Token();

    [GeneratedRegex(@"var e\d+=\$e\(""wx-text""\)")]
    private static partial Regex ElementStatement();
}
