using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Logic;
using Capsule.Compiler.Wxml.Codegen;

namespace Capsule.Compiler.Bundling;

/// <summary>
/// Wraps each JavaScript file of the program as a module:
/// <c>__capsuleDefine("path.js", function (module, exports, require) { … });</c>, each source line mapped back
/// to its file. Files written with <c>import</c>/<c>export</c> are rewritten to CommonJS first (keeping their
/// lines), and syntax errors are reported. The logic runtime supplies <c>__capsuleDefine</c> and runs modules on
/// first <c>require</c>.
/// </summary>
internal static class LogicBundleWriter
{
    public static MappedCode Write(IEnumerable<SourceFile> modules, DiagnosticBag diagnostics)
    {
        var output = new MappedCode();
        foreach (var module in modules)
        {
            output.Append($"__capsuleDefine({JsWriter.String(module.Path)}, function (module, exports, require) {{\n")
                .AppendSource(EsModuleTransform.Transform(module, diagnostics), module)
                .Append("\n});\n");
        }
        return output;
    }
}
