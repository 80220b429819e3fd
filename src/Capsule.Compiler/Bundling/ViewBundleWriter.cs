using System.Text;
using Capsule.Compiler.Wxml.Codegen;

namespace Capsule.Compiler.Bundling;

/// <summary>
/// Writes the view file: the helpers of <see cref="ViewPrelude"/> and every page's render function, handed
/// to the view runtime as <c>__capsuleRegisterViews({"pages/index/index": function (D) { … }})</c>.
/// </summary>
public static class ViewBundleWriter
{
    public const string RegisterFunction = "__capsuleRegisterViews";

    public static string Write(IEnumerable<(string PagePath, string RenderFunction)> pages)
    {
        var builder = new StringBuilder();
        builder.Append("(function () {\n").Append(ViewPrelude.Source).Append(RegisterFunction).Append("({\n");
        var first = true;
        foreach (var (pagePath, render) in pages)
        {
            if (!first)
            {
                builder.Append(",\n");
            }
            first = false;
            builder.Append(JsWriter.String(pagePath)).Append(": ").Append(render.TrimEnd());
        }
        builder.Append("\n});\n})();\n");
        return builder.ToString();
    }
}
