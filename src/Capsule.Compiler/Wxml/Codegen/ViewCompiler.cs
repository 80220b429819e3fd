using System.Text.RegularExpressions;
using Capsule.Compiler.Bundling;
using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Minification;
using Capsule.Compiler.Projects;
using Capsule.Compiler.Wxml.Syntax;

namespace Capsule.Compiler.Wxml.Codegen;

/// <summary>
/// Compiles the pages' WXML, and every WXML and WXS file they import, include or require, into one view
/// script. The script hands the pages' render functions to the view runtime as
/// <c>__capsuleRegisterViews({"pages/index/index":function(D){…}})</c>. Minified, the helpers, each WXS module and
/// each WXML file start a new line; readable, every statement of the generated code has its own line.
/// </summary>
public sealed partial class ViewCompiler : IViewReferences
{
    public const string RegisterFunction = "__capsuleRegisterViews";

    private readonly IProjectFiles _files;
    private readonly DiagnosticBag _diagnostics;
    private readonly bool _minify;
    private readonly Queue<string> _pendingWxml = new();
    private readonly Queue<string> _pendingWxs = new();
    private readonly SortedDictionary<string, (string Code, IReadOnlyList<(int Offset, SourceSpan Span)> Origins, SourceFile File)> _wxmlCode = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, (string Code, SourceFile File, int Offset)> _wxsCode = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    private ViewCompiler(IProjectFiles files, DiagnosticBag diagnostics, bool minify)
    {
        _files = files;
        _diagnostics = diagnostics;
        _minify = minify;
    }

    /// <param name="files">The project.</param>
    /// <param name="pages">Page paths without extension, such as <c>pages/index/index</c>; each must have a .wxml.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="minify">Whether to minify the script, or write it readable.</param>
    /// <returns>The view script with its source map back to the WXML elements and the WXS.</returns>
    public static MappedCode Compile(IProjectFiles files, IReadOnlyList<string> pages, DiagnosticBag diagnostics, bool minify)
    {
        var compiler = new ViewCompiler(files, diagnostics, minify);
        foreach (var page in pages)
        {
            compiler.Schedule(page + ".wxml", compiler._pendingWxml);
        }
        compiler.Drain();
        return compiler.Write(pages);
    }

    private void Drain()
    {
        while (_pendingWxml.Count > 0 || _pendingWxs.Count > 0)
        {
            if (_pendingWxml.TryDequeue(out var wxml))
            {
                var file = new SourceFile(wxml, _files.ReadText(wxml));
                var (code, origins) = WxmlFileEmitter.Emit(WxmlParser.Parse(file, _diagnostics), _diagnostics, this, readable: !_minify);
                _wxmlCode[wxml] = (code, origins, file);
            }
            else if (_pendingWxs.TryDequeue(out var wxs))
            {
                var source = _files.ReadText(wxs);
                AddWxs(wxs, source, new SourceFile(wxs, source), 0);
            }
        }
    }

    private MappedCode Write(IReadOnlyList<string> pages)
    {
        var output = new MappedCode().Append("(function(){\n").Append(_minify ? ViewPrelude.Minified + "\n" : ViewPrelude.Source);
        foreach (var (key, (code, file, offset)) in _wxsCode)
        {
            var header = $"$W[{JsWriter.String(key)}]=function(module,exports,require,getRegExp,getDate){{";
            if (_minify && ScriptTokens.Tokenize(code) is { } tokens)
            {
                var minified = JsMinifier.Minify(code, tokens);
                output.Append(header).Append(minified.Text, file, minified.Marks.Select(m => (m.Output, offset + m.Input))).Append("};\n");
            }
            else
            {
                output.Append(header + "\n").AppendSource(code, file, offset).Append("\n};\n");
            }
        }
        foreach (var (code, origins, file) in _wxmlCode.Values)
        {
            output.Append(code, file, origins.Select(o => (o.Offset, o.Span.Start)));
            if (_minify)
            {
                output.Append("\n");
            }
        }
        var registrations = string.Join(",", pages.Select(p => $"{JsWriter.String(p)}:$page({JsWriter.String(p + ".wxml")})"));
        return output.Append($"{RegisterFunction}({{{registrations}}});\n}})();\n");
    }

    string? IViewReferences.Wxml(SourceFile from, WxmlAttribute src) => Reference(from, src, ".wxml", _pendingWxml, Severity.Warning);

    string? IViewReferences.Wxs(SourceFile from, WxmlAttribute src) => Reference(from, src, ".wxs", _pendingWxs, Severity.Error);

    string IViewReferences.InlineWxs(SourceFile from, string module, string code, int offset)
    {
        var key = $"{from.Path}#{module}";
        AddWxs(key, code, from, offset);
        return key;
    }

    private string? Reference(SourceFile from, WxmlAttribute src, string extension, Queue<string> queue, Severity missing)
    {
        var path = src.Value is { Length: > 0 } request ? ProjectPath.Resolve(from.Path, request, extension) : null;
        if (path is null || !_files.Exists(path))
        {
            var message = $"{src.Value} not found from {from.Path}";
            if (missing == Severity.Error)
            {
                _diagnostics.Error(from, src.ValueSpan, message);
            }
            else
            {
                _diagnostics.Warning(from, src.ValueSpan, message + ": nothing is rendered for it");
            }
            return null;
        }
        Schedule(path, queue);
        return path;
    }

    private void Schedule(string path, Queue<string> queue)
    {
        if (_seen.Add(path))
        {
            queue.Enqueue(path);
        }
    }

    /// <summary>Keeps a WXS module's code and schedules the .wxs files it requires.</summary>
    private void AddWxs(string key, string code, SourceFile file, int offset)
    {
        _wxsCode[key] = (WxsDialect.Rewrite(code), file, offset);
        var basePath = key.Split('#')[0];
        foreach (Match match in RequireCall().Matches(code))
        {
            var path = ProjectPath.Resolve(basePath, match.Groups[2].Value, ".wxs");
            if (path is not null && _files.Exists(path))
            {
                Schedule(path, _pendingWxs);
            }
            else
            {
                _diagnostics.Error(file, new SourceSpan(offset + match.Groups[2].Index, match.Groups[2].Length), $"{match.Groups[2].Value} not found from {basePath}");
            }
        }
    }

    [GeneratedRegex("""\brequire\s*\(\s*(["'])([^"']+)\1\s*\)""")]
    private static partial Regex RequireCall();
}
