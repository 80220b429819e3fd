using System.Text;
using System.Text.Json;
using Capsule.Compiler.Projects;

namespace Capsule.Compiler.Tests;

/// <summary>Every script in a bundle names a source map that leads back to the original WXML, WXS and JS lines.</summary>
public sealed class SourceMapTests
{
    private static readonly Dictionary<string, string> s_project = new()
    {
        ["app.json"] = """{ "pages": ["pages/index/index"] }""",
        ["app.js"] = "App({\n  onLaunch() {\n    boom();\n  }\n});",
        ["pages/index/index.wxml"] = "<view>\n  <text class=\"t\">{{a}}</text>\n</view>\n<wxs module=\"m\">\nmodule.exports = 1;\n</wxs>",
        ["pages/index/index.js"] = "Page({})",
    };

    [Fact]
    public void Logic_lines_map_to_their_file_and_line()
    {
        var (code, map) = Files(bundle => bundle.Manifest.Logic);
        var line = LineOf(code, "boom();");
        Assert.Equal(("app.js", 2), Original(map, line));
    }

    [Fact]
    public void View_lines_map_to_the_wxml_element_and_inline_wxs()
    {
        var (code, map) = Files(bundle => bundle.Manifest.View);
        Assert.Equal(("pages/index/index.wxml", 1), Original(map, LineOf(code, "$e(\"wx-text\")")));
        Assert.Equal(("pages/index/index.wxml", 4), Original(map, LineOf(code, "module.exports = 1;")));
        Assert.EndsWith($"//# sourceMappingURL={map.Name}\n", code);
        Assert.Contains(s_project["pages/index/index.wxml"], map.Json.RootElement.GetProperty("sourcesContent").EnumerateArray().Select(e => e.GetString()));
    }

    private static (string Code, (string Name, JsonDocument Json) Map) Files(Func<Bundling.Bundle, string> pick)
    {
        var bundle = ProjectCompiler.Compile(InMemoryProjectFiles.FromText(s_project)).Bundle!;
        var code = Encoding.UTF8.GetString(bundle.Files.Single(f => f.Name == pick(bundle)).Content);
        var mapName = code[(code.LastIndexOf("sourceMappingURL=", StringComparison.Ordinal) + "sourceMappingURL=".Length)..].Trim();
        var map = JsonDocument.Parse(bundle.Files.Single(f => f.Name == mapName).Content);
        return (code, (mapName, map));
    }

    private static int LineOf(string code, string text) =>
        Array.FindIndex(code.Split('\n'), l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>Decodes the mappings and returns the source and zero-based line of a generated line's first segment.</summary>
    private static (string Source, int Line) Original((string Name, JsonDocument Json) map, int generatedLine)
    {
        var root = map.Json.RootElement;
        var sources = root.GetProperty("sources").EnumerateArray().Select(s => s.GetString()!).ToList();
        var lines = root.GetProperty("mappings").GetString()!.Split(';');
        int source = 0, line = 0;
        for (var i = 0; i <= generatedLine; i++)
        {
            var found = false;
            foreach (var segment in lines[i].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var values = DecodeVlq(segment);
                source += values[1];
                line += values[2];
                if (i == generatedLine && !found)
                {
                    found = true;
                    return (sources[source], line);
                }
            }
        }
        throw new InvalidOperationException($"generated line {generatedLine} has no mapping");
    }

    private static List<int> DecodeVlq(string segment)
    {
        const string digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var values = new List<int>();
        int value = 0, shift = 0;
        foreach (var c in segment)
        {
            var digit = digits.IndexOf(c);
            value += (digit & 31) << shift;
            if ((digit & 32) != 0)
            {
                shift += 5;
                continue;
            }
            values.Add((value & 1) == 1 ? -(value >> 1) : value >> 1);
            (value, shift) = (0, 0);
        }
        return values;
    }
}
