using Acornima;
using Acornima.Ast;
using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Minification;

namespace Capsule.Compiler.Logic;

/// <summary>
/// Rewrites a logic file written with ES-module syntax (<c>import</c> / <c>export</c>) to the CommonJS form
/// the logic runtime runs inside <c>function (module, exports, require) { … }</c>, as WeChat's developer tools do.
/// </summary>
/// <remarks>
/// <para>
/// Every file is first parsed as a script, so syntax errors are reported for all logic files; if that succeeds the
/// file is CommonJS and is returned unchanged (the same string instance). Only a file that needs module syntax is
/// parsed as a module and rewritten, by text ranges, so that everything else stays as written and line numbers are
/// kept (all added code goes on line 1). When tokens are asked for (to minify the script), a CommonJS file's come
/// from that same parse, and a rewritten file is parsed once more, as the script it has become.
/// </para>
/// <para>
/// The output follows Babel's CommonJS interop, which is what mini programs are tested against:
/// <c>exports.__esModule</c> is set; every local export is a getter defined before any <c>require</c> runs, so
/// exports are live and a module caught in an import cycle already exposes its hoisted functions; reading a
/// <c>let</c>/<c>const</c>/<c>class</c> export before it is initialised yields <c>undefined</c> instead of throwing.
/// Imports are hoisted to the top; a named import <c>a</c> becomes a live read <c>_mod.a</c> of the required module
/// wherever it is referenced (respecting shadowing), a default import reads <c>.default</c> of the module, or the
/// whole <c>module.exports</c> when the module has no <c>__esModule</c> flag; a namespace import of a CommonJS module
/// is a copy of its properties plus <c>default</c>.
/// </para>
/// <para>
/// Not supported, each reported as an error: dynamic <c>import()</c>, <c>import.meta</c> and top-level
/// <c>await</c>. Top-level <c>this</c> is left as written rather than becoming <c>undefined</c>.
/// </para>
/// </remarks>
public static class EsModuleTransform
{
    /// <summary>
    /// Returns the CommonJS script for <paramref name="file"/>, with its tokens if <paramref name="tokenize"/>; on a
    /// syntax error, reports it and returns the original text without tokens.
    /// </summary>
    public static CommonJsScript Transform(SourceFile file, DiagnosticBag diagnostics, bool tokenize = false)
    {
        try
        {
            return ParseAndRewrite(file, diagnostics, tokenize);
        }
        catch (InsufficientExecutionStackException)
        {
            diagnostics.Error(file, new SourceSpan(0, 0), "JavaScript file is nested too deeply to compile");
            return Unchanged(file);
        }
    }

    private static CommonJsScript ParseAndRewrite(SourceFile file, DiagnosticBag diagnostics, bool tokenize)
    {
        var text = file.Text;
        var dynamicImports = new List<ImportExpression>();
        var scriptOptions = new ParserOptions
        {
            OnNode = (Node node, in OnNodeContext _) =>
            {
                if (node is ImportExpression import)
                {
                    dynamicImports.Add(import);
                }
            },
        };
        ScriptTokens? tokens = null;
        if (tokenize)
        {
            scriptOptions = ScriptTokens.CollectInto(scriptOptions, text, out var collected);
            tokens = collected;
        }
        ParseErrorException scriptError;
        try
        {
            new Parser(scriptOptions).ParseScript(text, file.Path);
            foreach (var import in dynamicImports)
            {
                diagnostics.Error(file, SourceSpan.FromBounds(import.Start, import.End), EsModuleRewriter.DynamicImportMessage);
            }
            return new CommonJsScript(text, SourceOffsets.Identity, tokens);
        }
        catch (ParseErrorException error)
        {
            scriptError = error;
        }

        var moduleParser = new Parser(new ParserOptions { OnNode = EsModuleRewriter.RecordScope });
        Module module;
        try
        {
            module = moduleParser.ParseModule(text, file.Path);
        }
        catch (ParseErrorException moduleError)
        {
            ReportSyntaxError(file, diagnostics, NeedsModule(text, scriptError) ? moduleError : scriptError);
            return Unchanged(file);
        }

        var rewriter = new EsModuleRewriter(file, diagnostics);
        if (!HasModuleDeclarations(module))
        {
            if (!rewriter.ReportUnsupportedFeatures(module))
            {
                ReportSyntaxError(file, diagnostics, scriptError);
            }
            return Unchanged(file);
        }
        var (rewritten, origins) = rewriter.Rewrite(module);
        return new CommonJsScript(rewritten, origins, tokenize ? ScriptTokens.Tokenize(rewritten) : null);
    }

    private static CommonJsScript Unchanged(SourceFile file) => new(file.Text, SourceOffsets.Identity, null);

    /// <summary>Whether the script parse failed only because the file uses module syntax.</summary>
    private static bool NeedsModule(string text, ParseErrorException error)
    {
        if (error.Error.Code is "ImportOutsideModule" or "ImportMetaOutsideModule")
        {
            return true;
        }
        var index = error.Error.IsIndexDefined ? error.Error.Index : -1;
        return index >= 0 && string.CompareOrdinal(text, index, "export", 0, 6) == 0;
    }

    private static bool HasModuleDeclarations(Module module)
    {
        foreach (var statement in module.Body)
        {
            if (statement is ImportDeclaration or ExportDeclaration)
            {
                return true;
            }
        }
        return false;
    }

    private static void ReportSyntaxError(SourceFile file, DiagnosticBag diagnostics, ParseErrorException error)
    {
        var index = error.Error.IsIndexDefined ? Math.Clamp(error.Error.Index, 0, file.Text.Length) : 0;
        var span = new SourceSpan(index, index < file.Text.Length ? 1 : 0);
        diagnostics.Error(file, span, "JavaScript syntax error: " + error.Description);
    }
}
