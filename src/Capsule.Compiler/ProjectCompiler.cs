using System.Text;
using System.Text.Json.Nodes;
using Capsule.Compiler.Bundling;
using Capsule.Compiler.Components;
using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Manifest;
using Capsule.Compiler.Projects;
using Capsule.Compiler.Wxml.Codegen;
using Capsule.Compiler.Wxss;

namespace Capsule.Compiler;

/// <summary>
/// Compiles a whole WeChat-format project into a <see cref="Bundle"/>: the main package and each subpackage
/// get their own view (pages' and components' render functions) and logic (JavaScript modules) files.
/// </summary>
public static class ProjectCompiler
{
    public static CompileResult Compile(IProjectFiles files, CompileOptions? options = null)
    {
        options ??= CompileOptions.Default;
        var diagnostics = new DiagnosticBag();
        if (!files.Exists(AppManifest.FileName))
        {
            diagnostics.Error(new SourceFile(AppManifest.FileName, ""), new SourceSpan(0, 0), "app.json is missing: a mini program needs app.json at its root");
            return new CompileResult(null, diagnostics);
        }
        var appFile = new SourceFile(AppManifest.FileName, files.ReadText(AppManifest.FileName));
        var app = AppManifest.Read(appFile, diagnostics);
        if (app is null)
        {
            return new CompileResult(null, diagnostics);
        }

        var pageConfigs = ReadPages(files, app, appFile, diagnostics);
        var components = ComponentResolver.Resolve(files, appFile, app.Json, pageConfigs, diagnostics);
        var layout = new PackageLayout(app);
        PackageSizes.Check(files, layout, options, appFile, diagnostics);

        var output = new List<BundleFile>();
        var pageStyles = new Dictionary<string, string>();
        foreach (var page in app.AllPages.Where(p => files.Exists(p + ".wxss")))
        {
            pageStyles[page] = Add(output, Css(WxssFiles.Compile(files, page + ".wxss", diagnostics)));
        }
        var componentManifests = new SortedDictionary<string, ComponentManifest>(StringComparer.Ordinal);
        foreach (var (path, config) in components)
        {
            var scope = ComponentScope.Of(path);
            var style = files.Exists(path + ".wxss") ? Add(output, Css(WxssFiles.Compile(files, path + ".wxss", diagnostics, scope))) : null;
            componentManifests[path] = new ComponentManifest { Config = config, Scope = scope, Style = style };
        }
        var assets = Assets.Collect(files, output);
        var appStyle = files.Exists("app.wxss") ? Add(output, Css(WxssFiles.Compile(files, "app.wxss", diagnostics))) : null;

        var packages = new List<(string View, string Logic)>();
        foreach (var root in layout.Roots)
        {
            var views = layout.PagesIn(root).Concat(components.Keys.Where(c => layout.RootOf(c) == root))
                .Where(v => files.Exists(v + ".wxml")).ToList();
            var view = ViewCompiler.Compile(files, views, diagnostics, options.Minify);
            var modules = files.Paths
                .Where(p => p.EndsWith(".js", StringComparison.Ordinal) && layout.RootOf(p) == root)
                .Order(StringComparer.Ordinal)
                .Select(p => new SourceFile(p, files.ReadText(p)));
            packages.Add((Add(output, view), Add(output, LogicBundleWriter.Write(modules, options.Minify, diagnostics))));
        }
        if (diagnostics.HasErrors)
        {
            return new CompileResult(null, diagnostics);
        }

        var manifest = new BundleManifest
        {
            EntryPagePath = app.EntryPagePath,
            Pages = app.Pages,
            SubPackages = [.. app.SubPackages.Select((s, i) => new PackageManifest
            {
                Root = s.Root,
                Name = s.Name,
                Independent = s.Independent,
                Pages = s.Pages,
                View = packages[i + 1].View,
                Logic = packages[i + 1].Logic,
            })],
            Components = componentManifests,
            Window = app.Window,
            TabBar = app.TabBar,
            App = Settings(app.Json),
            View = packages[0].View,
            Logic = packages[0].Logic,
            AppStyle = appStyle,
            PageStyles = pageStyles,
            Assets = assets,
            PageConfigs = pageConfigs.ToDictionary(p => p.Key, p => p.Value.Config),
        };
        return new CompileResult(new Bundle(manifest, [.. output.DistinctBy(f => f.Name)]), diagnostics);
    }

    /// <summary>Checks that every page has its .wxml and .js, and reads each page's .json.</summary>
    private static Dictionary<string, (SourceFile File, JsonObject Config)> ReadPages(IProjectFiles files, AppManifest app, SourceFile appFile, DiagnosticBag diagnostics)
    {
        var configs = new Dictionary<string, (SourceFile, JsonObject)>();
        foreach (var page in app.AllPages)
        {
            foreach (var required in new[] { ".wxml", ".js" })
            {
                if (!files.Exists(page + required))
                {
                    diagnostics.Error(appFile, AppManifest.ValueSpan(appFile, page[(app.PackageOf(page)?.Root.Length ?? 0)..]), $"page \"{page}\" has no {page}{required}");
                }
            }
            if (files.Exists(page + ".json"))
            {
                var file = new SourceFile(page + ".json", files.ReadText(page + ".json"));
                if (PageConfig.Read(file, diagnostics) is { } config)
                {
                    configs[page] = (file, config);
                }
            }
        }
        return configs;
    }

    /// <summary>app.json without what the manifest already carries on its own.</summary>
    private static JsonObject Settings(JsonObject app)
    {
        var settings = (JsonObject)app.DeepClone();
        foreach (var key in new[] { "pages", "subpackages", "subPackages", "window", "tabBar", "entryPagePath" })
        {
            settings.Remove(key);
        }
        return settings;
    }

    private static string Add(List<BundleFile> output, BundleFile file)
    {
        output.Add(file);
        return file.Name;
    }

    /// <summary>Adds a script and its source map; returns the script's name.</summary>
    private static string Add(List<BundleFile> output, MappedCode code)
    {
        var (script, map) = code.ToFiles();
        output.Add(map);
        return Add(output, script);
    }

    private static BundleFile Css(string css) => BundleFile.Create(Encoding.UTF8.GetBytes(css), "css", "text/css");
}
