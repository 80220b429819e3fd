using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Logic;
using Capsule.Compiler.Minification;
using Capsule.Compiler.Wxml.Codegen;

namespace Capsule.Compiler.Bundling;

/// <summary>
/// Wraps each JavaScript file of the program as a module:
/// <c>__capsuleDefine("path.js",function(module,exports,require){…});</c>, one line each. Files written with
/// <c>import</c>/<c>export</c> are rewritten to CommonJS first, and syntax errors are reported. Minified, each token
/// of a module is mapped back to its line and column in the file; readable, the module keeps its lines as written and
/// each line is mapped back to its line. The logic runtime supplies <c>__capsuleDefine</c> and runs modules on first
/// <c>require</c>.
/// </summary>
internal static class LogicBundleWriter
{
    public static MappedCode Write(IEnumerable<SourceFile> modules, bool minify, DiagnosticBag diagnostics)
    {
        var output = new MappedCode();
        foreach (var module in modules)
        {
            var script = EsModuleTransform.Transform(module, diagnostics, tokenize: minify);
            var header = $"__capsuleDefine({JsWriter.String(module.Path)},function(module,exports,require){{";
            if (script.Tokens is { } tokens)
            {
                var minified = JsMinifier.Minify(script.Text, tokens);
                output.Append(header)
                    .Append(minified.Text, module, minified.Marks.Select(m => (m.Output, script.Origins.SourceOf(m.Input))))
                    .Append("});\n");
            }
            else
            {
                output.Append(header + "\n").AppendSource(script.Text, module).Append("\n});\n");
            }
        }
        return output;
    }
}
