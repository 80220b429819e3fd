using Capsule.Compiler.Projects;
using Capsule.Compiler.Rendering;

namespace Capsule.Compiler.Tests;

/// <summary>Renders WXML through the generated render function, as <c>capsule render</c> does.</summary>
internal static class Render
{
    public const string Page = "pages/index/index.wxml";

    /// <summary>The page's tree as compact JSON; fails the test on any diagnostic.</summary>
    public static string Json(string wxml, string data = "{}", IReadOnlyDictionary<string, string>? otherFiles = null)
    {
        var result = Run(wxml, data, otherFiles);
        Assert.True(result.Json is not null, string.Join("\n", result.Diagnostics) + result.RuntimeError);
        return result.Json!;
    }

    /// <summary>
    /// The children of the page root as JSON, with the empty <c>"raw":{},"generics":{}</c> that every element
    /// carries left out to keep expectations short (the differential suite checks the exact shape).
    /// </summary>
    public static string Body(string wxml, string data = "{}")
    {
        var json = Json(wxml, data).Replace(",\"raw\":{},\"generics\":{}", "", StringComparison.Ordinal);
        const string prefix = "{\"tag\":\"wx-page\",\"children\":";
        Assert.StartsWith(prefix, json);
        return json[prefix.Length..^1];
    }

    public static PageRenderer.Result Run(string wxml, string data = "{}", IReadOnlyDictionary<string, string>? otherFiles = null)
    {
        var files = new Dictionary<string, string>(otherFiles ?? new Dictionary<string, string>()) { [Page] = wxml };
        return PageRenderer.Render(InMemoryProjectFiles.FromText(files), Page, data);
    }

    /// <summary>The diagnostics of a page that must not compile, one <c>file:line:col: message</c> per line.</summary>
    public static string Errors(string wxml)
    {
        var result = Run(wxml);
        Assert.Null(result.Json);
        return string.Join("\n", result.Diagnostics);
    }
}
