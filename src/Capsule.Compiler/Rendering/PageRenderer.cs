using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Projects;
using Capsule.Compiler.Wxml.Codegen;
using Jint;
using Jint.Runtime;

namespace Capsule.Compiler.Rendering;

/// <summary>
/// Renders a page to its virtual DOM (wcc's JSON shape) by running the same generated render function the
/// browser runs, in Jint, with bounded time, memory and recursion.
/// </summary>
public static class PageRenderer
{
    public sealed record Result(string? Json, IReadOnlyList<Diagnostic> Diagnostics, string? RuntimeError);

    /// <param name="files">The project.</param>
    /// <param name="wxmlPath">The page's WXML path relative to the program root, e.g. <c>pages/index/index.wxml</c>.</param>
    /// <param name="dataJson">The page data as JSON text.</param>
    /// <param name="minify">Whether to run the minified render function, as bundles have by default, or the readable one.</param>
    public static Result Render(IProjectFiles files, string wxmlPath, string dataJson, bool minify = true)
    {
        var diagnostics = new DiagnosticBag();
        if (!wxmlPath.EndsWith(".wxml", StringComparison.Ordinal) || !files.Exists(wxmlPath))
        {
            diagnostics.Error(new SourceFile(wxmlPath, ""), new SourceSpan(0, 0), $"{wxmlPath} is not a file of the project");
            return new Result(null, diagnostics, null);
        }
        var pagePath = wxmlPath[..^".wxml".Length];
        var view = ViewCompiler.Compile(files, [pagePath], diagnostics, minify);
        if (diagnostics.HasErrors)
        {
            return new Result(null, diagnostics, null);
        }
        var engine = new Engine(options => options
            .TimeoutInterval(TimeSpan.FromSeconds(10))
            .LimitMemory(512L * 1024 * 1024)
            .LimitRecursion(2048)
            .Strict(false));
        try
        {
            engine.Execute($"var __views; function {ViewCompiler.RegisterFunction}(v) {{ __views = v; }}");
            engine.Execute(view.Text);
            engine.SetValue("__page", pagePath);
            engine.SetValue("__data", dataJson);
            var json = engine.Evaluate("JSON.stringify(__views[__page](JSON.parse(__data)))").AsString();
            return new Result(json, diagnostics, null);
        }
        catch (JavaScriptException error)
        {
            return new Result(null, diagnostics, error.Message);
        }
        catch (Exception error) when (error is TimeoutException or MemoryLimitExceededException or RecursionDepthOverflowException or StatementsCountOverflowException)
        {
            return new Result(null, diagnostics, error.Message);
        }
    }
}
