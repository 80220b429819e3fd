using System.Globalization;
using System.Text;
using System.Text.Json;
using Capsule.Compiler.Diagnostics;

namespace Capsule.Compiler.Wxml.Codegen;

/// <summary>Writes JavaScript line by line with indentation.</summary>
public sealed class JsWriter
{
    private readonly StringBuilder _builder = new();
    private readonly Dictionary<int, SourceSpan> _origins = [];
    private int _indent;
    private int _lines;

    /// <summary>Where each written line came from, by zero-based line, for lines written with an origin.</summary>
    public IReadOnlyDictionary<int, SourceSpan> Origins => _origins;

    public JsWriter Line(string code, SourceSpan? origin = null)
    {
        if (origin is { } span)
        {
            _origins[_lines] = span;
        }
        _builder.Append(' ', _indent * 2).Append(code).Append('\n');
        _lines++;
        return this;
    }

    /// <summary>Writes <paramref name="header"/> followed by <c>{</c>, indents until disposed, then writes <paramref name="footer"/>.</summary>
    public IDisposable Block(string header, string footer = "}", SourceSpan? origin = null)
    {
        Line(header + " {", origin);
        _indent++;
        return new Closer(this, footer);
    }

    public override string ToString() => _builder.ToString();

    /// <summary>A JavaScript string literal; non-ASCII characters are escaped so the output is plain ASCII.</summary>
    public static string String(string value) => JsonSerializer.Serialize(value);

    /// <summary>A JavaScript number literal.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private sealed class Closer(JsWriter writer, string footer) : IDisposable
    {
        public void Dispose()
        {
            writer._indent--;
            writer.Line(footer);
        }
    }
}
