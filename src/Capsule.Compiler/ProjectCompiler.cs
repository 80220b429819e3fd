using System.Text;
using System.Text.Json.Nodes;
using Capsule.Compiler.Bundling;
using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Manifest;
using Capsule.Compiler.Projects;
using Capsule.Compiler.Wxml.Codegen;
using Capsule.Compiler.Wxss;

namespace Capsule.Compiler;

/// <summary>Compiles a whole WeChat-format project into a <see cref="Bundle"/>.</summary>
public static class ProjectCompiler
{
    public static CompileResult Compile(IProjectFiles files)
    {
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

        var pageStyles = new Dictionary<string, string>();
        var pageConfigs = new Dictionary<string, JsonObject>();
        var styleFiles = new List<BundleFile>();
        foreach (var page in app.Pages)
        {
            foreach (var required in new[] { ".wxml", ".js" })
            {
                if (!files.Exists(page + required))
                {
                    diagnostics.Error(appFile, AppManifest.ValueSpan(appFile, page), $"page \"{page}\" has no {page}{required}");
                }
            }
            if (files.Exists(page + ".json") && PageConfig.Read(new SourceFile(page + ".json", files.ReadText(page + ".json")), diagnostics) is { } config)
            {
                pageConfigs[page] = config;
            }
            if (files.Exists(page + ".wxss"))
            {
                var css = CompileStyle(files, page + ".wxss", diagnostics);
                styleFiles.Add(css);
                pageStyles[page] = css.Name;
            }
        }
        var appStyle = files.Exists("app.wxss") ? CompileStyle(files, "app.wxss", diagnostics) : null;
        var viewCode = ViewCompiler.Compile(files, [.. app.Pages.Where(p => files.Exists(p + ".wxml"))], diagnostics);
        if (diagnostics.HasErrors)
        {
            return new CompileResult(null, diagnostics);
        }

        var modules = files.Paths
            .Where(p => p.EndsWith(".js", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => (p, files.ReadText(p)));
        var view = Text(viewCode, "js", "text/javascript");
        var logic = Text(LogicBundleWriter.Write(modules), "js", "text/javascript");
        var manifest = new BundleManifest
        {
            EntryPagePath = app.EntryPagePath,
            Pages = app.Pages,
            Window = app.Window,
            TabBar = app.TabBar,
            View = view.Name,
            Logic = logic.Name,
            AppStyle = appStyle?.Name,
            PageStyles = pageStyles,
            PageConfigs = pageConfigs,
        };
        var bundleFiles = new List<BundleFile> { view, logic };
        bundleFiles.AddRange(styleFiles);
        if (appStyle is not null)
        {
            bundleFiles.Add(appStyle);
        }
        return new CompileResult(new Bundle(manifest, bundleFiles.DistinctBy(f => f.Name).ToList()), diagnostics);
    }

    private static BundleFile CompileStyle(IProjectFiles files, string path, DiagnosticBag diagnostics)
    {
        var css = WxssCompiler.Compile(new SourceFile(path, files.ReadText(path)), diagnostics);
        return Text(css, "css", "text/css");
    }

    private static BundleFile Text(string text, string extension, string contentType) =>
        BundleFile.Create(Encoding.UTF8.GetBytes(text), extension, contentType);
}
