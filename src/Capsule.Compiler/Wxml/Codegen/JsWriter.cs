using System.Globalization;
using System.Text;
using System.Text.Json;
using Capsule.Compiler.Diagnostics;

namespace Capsule.Compiler.Wxml.Codegen;

/// <summary>
/// Writes JavaScript statement by statement: one a line, indented by block, when <c>readable</c>; otherwise
/// all run together, which is valid because every statement written ends with <c>;</c>, <c>{</c> or <c>}</c>.
/// </summary>
public sealed class JsWriter(bool readable)
{
    private readonly StringBuilder _builder = new();
    private readonly List<(int Offset, SourceSpan Span)> _origins = [];
    private int _indent;

    /// <summary>Where each statement written with an origin starts in the code, and the source it came from, in order.</summary>
    public IReadOnlyList<(int Offset, SourceSpan Span)> Origins => _origins;

    public JsWriter Line(string code, SourceSpan? origin = null)
    {
        if (readable)
        {
            _builder.Append(' ', _indent * 2);
        }
        if (origin is { } span)
        {
            _origins.Add((_builder.Length, span));
        }
        _builder.Append(code);
        if (readable)
        {
            _builder.Append('\n');
        }
        return this;
    }

    /// <summary>Writes <paramref name="header"/> followed by <c>{</c>, indents until disposed, then writes <paramref name="footer"/>.</summary>
    public IDisposable Block(string header, string footer = "}", SourceSpan? origin = null)
    {
        Line(header + "{", origin);
        _indent++;
        return new Closer(this, footer);
    }

    public override string ToString() => _builder.ToString();

    /// <summary>A JavaScript string literal; non-ASCII characters are escaped so the output is plain ASCII.</summary>
    public static string String(string value) => JsonSerializer.Serialize(value);

    /// <summary>A JavaScript number literal.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A property read that is valid JavaScript for any property name: <c>o.name</c> when it can be, else <c>o["name"]</c>.</summary>
    public static string Member(string target, string name)
    {
        var isIdentifierName = name.Length > 0 && !char.IsAsciiDigit(name[0]) &&
            name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
        return isIdentifierName ? target + "." + name : target + "[" + String(name) + "]";
    }

    private sealed class Closer(JsWriter writer, string footer) : IDisposable
    {
        public void Dispose()
        {
            writer._indent--;
            writer.Line(footer);
        }
    }
}
