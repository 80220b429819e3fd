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
            var close = open < 0 ? -1 : FindClose(raw, open + 2);
            if (open >= 0 && close < 0)
            {
                diagnostics.Error(file, new SourceSpan(offset + open, 2), "'{{' is not closed: expected '}}'");
            }
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

    /// <summary>True when the text is exactly one <c>{{ }}</c>, nothing before or after it.</summary>
    public static bool IsSingleExpression(string raw) =>
        raw.StartsWith("{{", StringComparison.Ordinal) && FindClose(raw, 2) == raw.Length - 2;

    /// <summary>
    /// The index of the <c>}}</c> that closes a <c>{{</c> whose content starts at <paramref name="start"/>,
    /// skipping <c>}}</c> inside string literals; -1 when there is none.
    /// </summary>
    public static int FindClose(string text, int start)
    {
        var i = start;
        while (i < text.Length - 1)
        {
            var c = text[i];
            if (c is '\'' or '"')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0 || text.IndexOf('\n', i + 1, end - i - 1) >= 0)
                {
                    return text.IndexOf("}}", start, StringComparison.Ordinal);
                }
                i = end + 1;
                continue;
            }
            if (c == '}' && text[i + 1] == '}')
            {
                return i;
            }
            i++;
        }
        return -1;
    }
}
