using System.Text;

namespace Capsule.Compiler.Diagnostics;

public enum Severity
{
    Error,
    Warning,
}

/// <summary>A compile problem as data: where it is and what is wrong. Never thrown for user errors.</summary>
public sealed record Diagnostic(Severity Severity, SourceFile File, SourceSpan Span, string Message)
{
    public int Line => File.GetPosition(Span.Start).Line;

    public int Column => File.GetPosition(Span.Start).Column;

    /// <summary><c>file:line:col: message</c>, with <c>warning: </c> before warnings.</summary>
    public override string ToString()
    {
        var prefix = Severity == Severity.Warning ? "warning: " : "";
        return $"{File.Path}:{Line}:{Column}: {prefix}{Message}";
    }

    /// <summary>The one-line form followed by the offending source line and a caret under the position.</summary>
    public string ToStringWithExcerpt()
    {
        var (line, column) = File.GetPosition(Span.Start);
        var text = File.GetLine(line);
        var caretPad = new StringBuilder();
        for (var i = 0; i < column - 1 && i < text.Length; i++)
        {
            caretPad.Append(text[i] == '\t' ? '\t' : ' ');
        }
        var width = Math.Max(1, Math.Min(Span.Length, text.Length - (column - 1)));
        return $"{this}\n  {text}\n  {caretPad}{new string('^', width)}";
    }
}
