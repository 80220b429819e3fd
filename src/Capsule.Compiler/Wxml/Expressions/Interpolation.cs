using Capsule.Compiler.Diagnostics;

namespace Capsule.Compiler.Wxml.Expressions;

/// <summary>A piece of text or attribute value: either literal text or a <c>{{ }}</c> expression.</summary>
public abstract record Segment;

public sealed record TextSegment(string Text) : Segment;

public sealed record ExprSegment(Expr Expr) : Segment;

/// <summary>Splits text such as <c>Hello {{name}}!</c> into literal and expression segments.</summary>
public static class Interpolation
{
    /// <param name="raw">The text as written.</param>
    /// <param name="offset">Where the text starts in the file.</param>
    /// <param name="file">The file, for diagnostics.</param>
    /// <param name="diagnostics">Where syntax errors go; a broken expression is left out of the result.</param>
    public static List<Segment> Split(string raw, int offset, SourceFile file, DiagnosticBag diagnostics)
    {
        var segments = new List<Segment>();
        var i = 0;
        while (i < raw.Length)
        {
            var open = raw.IndexOf("{{", i, StringComparison.Ordinal);
            var close = open < 0 ? -1 : raw.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (open < 0 || close < 0)
            {
                segments.Add(new TextSegment(raw[i..]));
                break;
            }
            if (open > i)
            {
                segments.Add(new TextSegment(raw[i..open]));
            }
            var source = raw[(open + 2)..close];
            var expr = ExpressionParser.Parse(source, offset + open + 2, file, diagnostics);
            if (expr is not null)
            {
                segments.Add(new ExprSegment(expr));
            }
            i = close + 2;
        }
        return segments;
    }

    /// <summary>True when the text contains at least one complete <c>{{ }}</c>.</summary>
    public static bool HasExpression(string raw)
    {
        var open = raw.IndexOf("{{", StringComparison.Ordinal);
        return open >= 0 && raw.IndexOf("}}", open + 2, StringComparison.Ordinal) >= 0;
    }
}
