using System.Text;
using Capsule.Compiler.Wxml.Codegen;

namespace Capsule.Compiler.Bundling;

/// <summary>
/// Wraps each JavaScript file of the program as a module:
/// <c>__capsuleDefine("path.js", function (module, exports, require) { … });</c>.
/// The logic runtime supplies <c>__capsuleDefine</c> and runs modules on first <c>require</c>.
/// </summary>
internal static class LogicBundleWriter
{
    public static string Write(IEnumerable<(string Path, string Source)> modules)
    {
        var builder = new StringBuilder();
        foreach (var (path, source) in modules)
        {
            builder.Append("__capsuleDefine(").Append(JsWriter.String(path)).Append(", function (module, exports, require) {\n");
            builder.Append(source);
            builder.Append("\n});\n");
        }
        return builder.ToString();
    }
}
