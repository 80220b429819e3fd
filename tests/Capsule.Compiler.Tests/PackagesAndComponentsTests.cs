using System.Text;
using Capsule.Compiler.Projects;

namespace Capsule.Compiler.Tests;

public sealed class PackagesAndComponentsTests
{
    private static Dictionary<string, string> Project(string appJson, params (string Path, string Content)[] more)
    {
        var files = new Dictionary<string, string>
        {
            ["app.json"] = appJson,
            ["pages/index/index.wxml"] = "<view/>",
            ["pages/index/index.js"] = "Page({})",
        };
        foreach (var (path, content) in more)
        {
            files[path] = content;
        }
        return files;
    }

    private static CompileResult Compile(Dictionary<string, string> files, CompileOptions? options = null) =>
        ProjectCompiler.Compile(InMemoryProjectFiles.FromText(files), options);

    private static string Text(CompileResult result, string name) =>
        Encoding.UTF8.GetString(result.Bundle!.Files.Single(f => f.Name == name).Content);

    private static string Errors(CompileResult result) => string.Join("\n", result.Diagnostics);

    [Fact]
    public void Subpackages_get_their_own_view_and_logic()
    {
        var result = Compile(Project(
            """{ "pages": ["pages/index/index"], "subpackages": [{ "root": "shop", "name": "s", "pages": ["list/list"], "independent": true }] }""",
            ("shop/list/list.wxml", "<text>list</text>"), ("shop/list/list.js", "Page({})"), ("shop/util.js", "module.exports = 1")));

        var manifest = result.Bundle!.Manifest;
        var shop = Assert.Single(manifest.SubPackages);
        Assert.Equal(("shop/", "s", true), (shop.Root, shop.Name, shop.Independent));
        Assert.Equal(["shop/list/list"], shop.Pages);
        Assert.Contains("\"shop/list/list\":$page", Text(result, shop.View));
        Assert.DoesNotContain("shop/list/list", Text(result, manifest.View));
        Assert.Contains("__capsuleDefine(\"shop/util.js\"", Text(result, shop.Logic));
        Assert.DoesNotContain("shop/util.js", Text(result, manifest.Logic));
    }

    [Theory]
    [InlineData("""{ "pages": ["pages/index/index"], "subPackages": [{ "pages": ["a/a"] }] }""", "every subpackage in \"subPackages\" needs a \"root\" folder")]
    [InlineData("""{ "pages": ["pages/index/index"], "subpackages": [{ "root": "a", "pages": ["x"] }, { "root": "a/b", "pages": ["y"] }] }""", "subpackage root \"a/b\" overlaps another subpackage")]
    [InlineData("""{ "pages": ["pages/index/index", "shop/x"], "subpackages": [{ "root": "shop", "pages": ["y"] }] }""", "page \"shop/x\" is in \"pages\" but inside subpackage root \"shop/\"")]
    [InlineData("""{ "pages": ["pages/index/index"], "tabBar": { "list": [{ "pagePath": "pages/other/other" }] } }""", "tabBar pagePath \"pages/other/other\" must be a page of the main package")]
    [InlineData("""{ "pages": ["pages/index/index"], "preloadRule": { "pages/nope/nope": {} } }""", "preloadRule names \"pages/nope/nope\", which is not a page")]
    [InlineData("""{ "pages": ["pages/index/index"], "entryPagePath": "pages/nope" }""", "app.json: \"entryPagePath\" must be one of the pages")]
    [InlineData("""{ "pages": ["pages/index/index"], "subpackages": [{ "root": "shop", "pages": ["gone"] }] }""", "page \"shop/gone\" has no shop/gone.wxml")]
    public void Manifest_mistakes_are_errors_with_positions(string appJson, string message)
    {
        var result = Compile(Project(appJson));
        Assert.Null(result.Bundle);
        Assert.Contains(result.Diagnostics, d => d.Message == message && d.File.Path == "app.json" && d.Line == 1);
    }

    [Fact]
    public void A_custom_tab_bar_is_compiled_as_a_main_package_component()
    {
        var result = Compile(Project(
            """{ "pages": ["pages/index/index"], "tabBar": { "custom": true, "list": [{ "pagePath": "pages/index/index", "text": "Home" }] } }""",
            ("custom-tab-bar/index.json", """{ "component": true }"""), ("custom-tab-bar/index.wxml", "<view class=\"bar\">{{selected}}</view>"),
            ("custom-tab-bar/index.js", "Component({ data: { selected: 0 } })"), ("custom-tab-bar/index.wxss", ".bar { height: 48px; }")));

        Assert.True(result.Bundle is not null, Errors(result));
        var manifest = result.Bundle.Manifest;
        Assert.True(manifest.TabBar!["custom"]!.GetValue<bool>());
        Assert.NotNull(manifest.Components["custom-tab-bar/index"].Style);
        Assert.Contains("\"custom-tab-bar/index\"", Text(result, manifest.View));
        Assert.Contains("__capsuleDefine(\"custom-tab-bar/index.js\"", Text(result, manifest.Logic));
    }

    [Fact]
    public void A_custom_tab_bar_without_its_component_is_an_error()
    {
        var result = Compile(Project("{ \"pages\": [\"pages/index/index\"],\n  \"tabBar\": { \"custom\": true, \"list\": [{ \"pagePath\": \"pages/index/index\" }] } }",
            ("custom-tab-bar/index.js", "Component({})")));

        Assert.Null(result.Bundle);
        var error = Assert.Single(result.Diagnostics, d => d.Message == "tabBar \"custom\": true needs the component custom-tab-bar/index (.json, .wxml and .js)");
        Assert.Equal(("app.json", 2, 16), (error.File.Path, error.Line, error.Column));
    }

    [Fact]
    public void Entry_page_unknown_keys_and_settings_are_kept()
    {
        var result = Compile(Project(
            """{ "pages": ["pages/index/index", "pages/b/b"], "entryPagePath": "pages/b/b", "networkTimeout": { "request": 5000 }, "lazyCodeLoading": "requiredComponents", "myOwnKey": 1 }""",
            ("pages/b/b.wxml", "<view/>"), ("pages/b/b.js", "Page({})")));

        var manifest = result.Bundle!.Manifest;
        Assert.Equal("pages/b/b", manifest.EntryPagePath);
        Assert.Equal(5000, manifest.App["networkTimeout"]!["request"]!.GetValue<int>());
        Assert.Equal(1, manifest.App["myOwnKey"]!.GetValue<int>());
        Assert.Equal("app.json:1:159: warning: app.json: unknown key \"myOwnKey\" is kept but not used", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void Components_are_found_through_using_components_and_compiled_with_scoped_styles()
    {
        var result = Compile(Project(
            """{ "pages": ["pages/index/index"], "usingComponents": { "g-icon": "/components/icon/icon" } }""",
            ("pages/index/index.json", """{ "usingComponents": { "card": "../../components/card/card", "cell": "weui/cell/cell" } }"""),
            ("components/card/card.json", """{ "component": true, "usingComponents": { "badge": "./badge" } }"""),
            ("components/card/card.wxml", "<view class=\"title\">{{title}}<badge/></view>"),
            ("components/card/card.wxss", ".title { color: red } .title.big, view > .x { font-size: 32rpx }"),
            ("components/card/card.js", "Component({})"),
            ("components/card/badge.json", """{ "component": true }"""), ("components/card/badge.wxml", "<text/>"), ("components/card/badge.js", "Component({})"),
            ("components/icon/icon.json", "{}"), ("components/icon/icon.wxml", "<text/>"), ("components/icon/icon.js", "Component({})"),
            ("miniprogram_npm/weui/cell/cell.json", "{}"), ("miniprogram_npm/weui/cell/cell.wxml", "<view/>"), ("miniprogram_npm/weui/cell/cell.js", "Component({})")));

        var manifest = result.Bundle!.Manifest;
        Assert.Equal(
            ["components/card/badge", "components/card/card", "components/icon/icon", "miniprogram_npm/weui/cell/cell"],
            manifest.Components.Keys);
        var card = manifest.Components["components/card/card"];
        Assert.Equal("components-card-card", card.Scope);
        Assert.Equal(
            ".components-card-card--title{color:red;}.components-card-card--title.components-card-card--big,wx-view > .components-card-card--x{font-size:calc(32 * 100vw / 750);}",
            Text(result, card.Style!));
        Assert.Contains("\"components/card/card\":$page(\"components/card/card.wxml\")", Text(result, manifest.View));
    }

    [Fact]
    public void A_missing_component_is_an_error_at_its_declaration()
    {
        var result = Compile(Project(
            """{ "pages": ["pages/index/index"] }""",
            ("pages/index/index.json", """{ "usingComponents": { "card": "/components/none/none", "p": "plugin://x/y" } }""")));
        Assert.Null(result.Bundle);
        Assert.Equal(
            "pages/index/index.json:1:33: component <card>: \"/components/none/none\" has no .json, .wxml and .js\n" +
            "pages/index/index.json:1:58: warning: component <p>: plugin components are not available in Capsule; it renders as an empty element",
            Errors(result));
    }

    [Fact]
    public void Wxss_imports_are_inlined_relative_to_the_importing_file()
    {
        var result = Compile(Project(
            """{ "pages": ["pages/index/index"] }""",
            ("app.wxss", "@import \"styles/base.wxss\";\n.app { top: 0 }"),
            ("styles/base.wxss", "@import url('./colors');\n.base { margin: 10rpx }"),
            ("styles/colors.wxss", ".red { color: red }")));
        Assert.Equal(".red{color:red;}.base{margin:calc(10 * 100vw / 750);}.app{top:0;}", Text(result, result.Bundle!.Manifest.AppStyle!));
    }

    [Fact]
    public void Wxss_import_cycles_and_missing_files_are_errors()
    {
        var result = Compile(Project(
            """{ "pages": ["pages/index/index"] }""",
            ("app.wxss", "@import \"a.wxss\";\n@import \"gone.wxss\";"),
            ("a.wxss", ".a {}\n@import \"app.wxss\";")));
        Assert.Equal(
            "a.wxss:2:1: @import \"app.wxss\" makes a cycle: app.wxss → a.wxss → app.wxss\n" +
            "app.wxss:2:1: @import \"gone.wxss\": gone.wxss is not a file of the project",
            Errors(result));
    }

    [Fact]
    public void Packages_over_the_size_limit_are_errors_that_name_the_biggest_files()
    {
        var options = new CompileOptions { MainPackageLimit = 1000, SubPackageLimit = 100, TotalLimit = 1_000_000 };
        var result = Compile(Project(
            """{ "pages": ["pages/index/index"], "subpackages": [{ "root": "big", "pages": ["p"] }] }""",
            ("big/p.wxml", "<view/>"), ("big/p.js", "Page({})"), ("big/data.js", new string('x', 300))), options);
        Assert.Equal(
            "app.json:1:1: subpackage \"big/\" is 315 B, over the 100 B limit; biggest files: big/data.js (300 B), big/p.js (8 B), big/p.wxml (7 B)",
            Errors(result));

        var total = Compile(Project("""{ "pages": ["pages/index/index"] }"""), new CompileOptions { TotalLimit = 10 });
        Assert.Contains("all packages together are", Errors(total));
    }
    [Fact]
    public void Images_and_media_become_content_hashed_assets_listed_by_path()
    {
        var result = Compile(Project("""{ "pages": ["pages/index/index"] }""",
            ("images/logo.PNG", "not really a png"), ("sounds/ding.mp3", "mp3"), ("notes.txt", "not an asset")));

        var assets = result.Bundle!.Manifest.Assets;
        Assert.Equal(["images/logo.PNG", "sounds/ding.mp3"], assets.Keys.Order(StringComparer.Ordinal));
        var logo = result.Bundle.Files.Single(f => f.Name == assets["images/logo.PNG"]);
        Assert.Matches("^[0-9a-f]{32}\\.png$", logo.Name);
        Assert.Equal("image/png", logo.ContentType);
        Assert.Equal("not really a png", Encoding.UTF8.GetString(logo.Content));
        Assert.Equal("audio/mpeg", result.Bundle.Files.Single(f => f.Name == assets["sounds/ding.mp3"]).ContentType);
    }
}
