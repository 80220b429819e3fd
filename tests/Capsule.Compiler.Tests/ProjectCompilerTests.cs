using Capsule.Compiler.Projects;
using Capsule.Testing;

namespace Capsule.Compiler.Tests;

public sealed class ProjectCompilerTests
{
    private static readonly Dictionary<string, string> s_minimal = new()
    {
        ["app.json"] = """{ "pages": ["pages/index/index"] }""",
        ["app.js"] = "App({})",
        ["pages/index/index.wxml"] = "<view>{{a}}</view>",
        ["pages/index/index.js"] = "Page({ data: { a: 1 } })",
    };

    private static CompileResult Compile(Dictionary<string, string> files) =>
        ProjectCompiler.Compile(InMemoryProjectFiles.FromText(files));

    private static Dictionary<string, string> With(string path, string? content)
    {
        var files = new Dictionary<string, string>(s_minimal);
        if (content is null)
        {
            files.Remove(path);
        }
        else
        {
            files[path] = content;
        }
        return files;
    }

    private static string Logic(Bundling.Bundle bundle) =>
        System.Text.Encoding.UTF8.GetString(bundle.Files.Single(f => f.Name == bundle.Manifest.Logic).Content);

    [Fact]
    public void The_hello_sample_compiles_to_a_content_addressed_bundle()
    {
        var result = ProjectCompiler.Compile(new DirectoryProjectFiles(RepoPaths.Sample("hello")));
        var bundle = Assert.IsType<Bundling.Bundle>(result.Bundle);
        Assert.Equal("pages/index/index", bundle.Manifest.EntryPagePath);
        Assert.All(bundle.Files, f => Assert.Matches("^[0-9a-f]{32}\\.(js|css|json|map|svg)$", f.Name));
        Assert.Equal(["images/logo.svg"], bundle.Manifest.Assets.Keys);
        Assert.Equal(bundle.Id + ".json", bundle.ManifestFile.Name);
        Assert.Contains(bundle.Manifest.View, bundle.Files.Select(f => f.Name));
        Assert.Equal("Fruit stall", bundle.Manifest.PageConfigs["pages/index/index"]["navigationBarTitleText"]!.GetValue<string>());
    }

    [Fact]
    public void The_same_sources_give_the_same_bundle_id()
    {
        Assert.Equal(Compile(s_minimal).Bundle!.Id, Compile(new Dictionary<string, string>(s_minimal)).Bundle!.Id);
        Assert.NotEqual(Compile(s_minimal).Bundle!.Id, Compile(With("pages/index/index.wxml", "<view/>")).Bundle!.Id);
    }

    [Fact]
    public void Logic_files_become_modules_named_by_path_minified_or_readable()
    {
        var files = With("utils/format.js", "// Formats.\nmodule.exports = {\n  twice: function (x) { return x * 2; },\n};\n");
        var minified = Logic(ProjectCompiler.Compile(InMemoryProjectFiles.FromText(files)).Bundle!);
        Assert.Contains("\n__capsuleDefine(\"utils/format.js\",function(module,exports,require){module.exports={twice:function(x){return x*2;},};});\n", minified);
        Assert.Contains("__capsuleDefine(\"app.js\"", minified);

        var readable = Logic(ProjectCompiler.Compile(InMemoryProjectFiles.FromText(files), new CompileOptions { Minify = false }).Bundle!);
        Assert.Contains("\n__capsuleDefine(\"utils/format.js\",function(module,exports,require){\n" + files["utils/format.js"] + "\n});\n", readable);
    }

    [Fact]
    public void Minify_changes_only_the_scripts()
    {
        var minified = ProjectCompiler.Compile(new DirectoryProjectFiles(RepoPaths.Sample("hello"))).Bundle!;
        var readable = ProjectCompiler.Compile(new DirectoryProjectFiles(RepoPaths.Sample("hello")), new CompileOptions { Minify = false }).Bundle!;
        Assert.Equal(Styles(minified), Styles(readable));
        Assert.Equal(minified.Manifest.AppStyle, readable.Manifest.AppStyle);
        Assert.Equal(minified.Manifest.PageStyles, readable.Manifest.PageStyles);
        Assert.NotEqual(minified.Manifest.View, readable.Manifest.View);
        Assert.True(Logic(minified).Length < Logic(readable).Length);

        static IEnumerable<string> Styles(Bundling.Bundle bundle) => bundle.Files.Where(f => f.Name.EndsWith(".css", StringComparison.Ordinal)).Select(f => f.Name).Order(StringComparer.Ordinal);
    }

    [Fact]
    public void Logic_files_in_es_module_syntax_become_commonjs_and_syntax_errors_fail_the_build()
    {
        var bundle = Compile(With("pages/index/index.js", "import { format } from '../../utils/format';\nPage({ data: { a: format(1) } });"))
            .Bundle;
        Assert.NotNull(bundle);
        var logic = Logic(bundle);
        Assert.Contains("require(\"../../utils/format\")", logic.Replace('\'', '"'));
        Assert.DoesNotContain("import {", logic);

        var broken = Compile(With("app.js", "App({\n  onLaunch() {\n    let = ;\n  }\n});"));
        Assert.Null(broken.Bundle);
        Assert.StartsWith("app.js:3:", broken.Diagnostics[0].ToString());
        Assert.Contains("JavaScript syntax error", broken.Diagnostics[0].Message);
    }

    [Theory]
    [InlineData(null, "app.json:1:1: app.json is missing: a mini program needs app.json at its root")]
    [InlineData("{ \"pages\": [] }", "app.json:1:4: app.json needs \"pages\": a non-empty list of page paths")]
    [InlineData("[1]", "app.json:1:1: app.json must be a JSON object")]
    [InlineData("{ \"pages\": [\"pages/index/index\", \"pages/index/index\"] }", "app.json:1:14: page \"pages/index/index\" is listed twice")]
    [InlineData("{ \"pages\": [\"pages/index/index\", \"pages/gone/gone\"] }", "app.json:1:35: page \"pages/gone/gone\" has no pages/gone/gone.wxml")]
    [InlineData("{\n  \"pages\": [\"pages/index/index\"\n}", "app.json:3:1: app.json is not valid JSON")]
    public void Manifest_errors_name_the_file_and_position(string? appJson, string expected)
    {
        var result = Compile(With("app.json", appJson));
        Assert.Null(result.Bundle);
        Assert.StartsWith(expected, result.Diagnostics[0].ToString());
    }

    [Fact]
    public void A_page_without_its_script_is_an_error()
    {
        var result = Compile(With("pages/index/index.js", null));
        Assert.Equal("app.json:1:14: page \"pages/index/index\" has no pages/index/index.js", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void Errors_in_a_page_fail_the_build_with_the_page_position()
    {
        var result = Compile(With("pages/index/index.wxml", "<view>\n<text></view>"));
        Assert.Null(result.Bundle);
        Assert.Equal("pages/index/index.wxml:2:2: <text> is not closed before </view>", result.Diagnostics[0].ToString());
    }

    [Fact]
    public void A_malformed_page_json_is_reported()
    {
        var result = Compile(With("pages/index/index.json", "{ \"navigationBarTitleText\": }"));
        Assert.Null(result.Bundle);
        Assert.StartsWith("pages/index/index.json:1:29: pages/index/index.json is not valid JSON", result.Diagnostics[0].ToString());
    }
}
