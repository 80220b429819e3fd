using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Wxml.Codegen;

namespace Capsule.Compiler.Bundling;

/// <summary>
/// Wraps each JavaScript file of the program as a module:
/// <c>__capsuleDefine("path.js", function (module, exports, require) { … });</c>, each source line mapped back
/// to its file. The logic runtime supplies <c>__capsuleDefine</c> and runs modules on first <c>require</c>.
/// </summary>
internal static class LogicBundleWriter
{
    public static MappedCode Write(IEnumerable<SourceFile> modules)
    {
        var output = new MappedCode();
        foreach (var module in modules)
        {
            output.Append($"__capsuleDefine({JsWriter.String(module.Path)}, function (module, exports, require) {{\n")
                .AppendSource(module.Text, module)
                .Append("\n});\n");
        }
        return output;
    }
}
