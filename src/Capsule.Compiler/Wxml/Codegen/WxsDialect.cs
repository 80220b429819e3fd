using System.Text;
using Acornima;
using Capsule.Compiler.Minification;

namespace Capsule.Compiler.Wxml.Codegen;

/// <summary>
/// Where WXS reads differently from the JavaScript a WXS module runs as (as wcc compiles it), rewritten token by token:
/// <list type="bullet">
/// <item>Every value's <c>constructor</c> is the name of its type as a string (<c>"Array"</c>, <c>"Object"</c>,
/// <c>"Number"</c>, <c>"String"</c>, <c>"Boolean"</c>, <c>"Function"</c>, <c>"Date"</c>, <c>"RegExp"</c>), and libraries
/// test types with it (Vant's <c>array.constructor === 'Array'</c>). Each <c>.constructor</c> read becomes the
/// prelude's <c>[$ctor]</c>, a symbol whose getter answers that name; JavaScript's own objects are untouched.</item>
/// <item>In a string, only <c>\n</c>, <c>\t</c>, <c>\r</c>, <c>\\</c>, <c>\'</c> and <c>\"</c> are escapes: any other
/// backslash stays in the text, so <c>getRegExp('^\d+$')</c> matches digits (Vant's <c>addUnit</c> relies on it).</item>
/// </list>
/// </summary>
internal static class WxsDialect
{
    public const string ConstructorKey = "$ctor";

    /// <summary><paramref name="code"/> rewritten to the JavaScript that behaves as WXS; unchanged if it does not parse.</summary>
    public static string Rewrite(string code)
    {
        if ((!code.Contains("constructor", StringComparison.Ordinal) && !code.Contains('\\', StringComparison.Ordinal))
            || ScriptTokens.Tokenize(code) is not { } parsed)
        {
            return code;
        }
        var tokens = parsed.Tokens;
        var output = new StringBuilder(code.Length + 16);
        var copied = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.StringLiteral)
            {
                output.Append(code, copied, token.Start - copied);
                AppendString(output, code.AsSpan(token.Start, token.End - token.Start));
                copied = token.End;
            }
            else if (i + 1 < tokens.Count && IsConstructorRead(code, token, tokens[i + 1]))
            {
                output.Append(code, copied, token.Start - copied).Append('[').Append(ConstructorKey).Append(']');
                copied = tokens[i + 1].End;
                i++;
            }
        }
        return output.Append(code, copied, code.Length - copied).ToString();
    }

    private static bool IsConstructorRead(string code, JsToken dot, JsToken name) =>
        dot.Kind == TokenKind.Punctuator && code.AsSpan(dot.Start, dot.End - dot.Start) is "."
        && name.Kind == TokenKind.Identifier && code.AsSpan(name.Start, name.End - name.Start) is "constructor";

    private static void AppendString(StringBuilder output, ReadOnlySpan<char> literal)
    {
        for (var i = 0; i < literal.Length; i++)
        {
            var c = literal[i];
            if (c == '\\' && i + 1 < literal.Length)
            {
                var next = literal[i + 1];
                output.Append(next is 'n' or 't' or 'r' or '\\' or '\'' or '"' or '\n' or '\r' or '\u2028' or '\u2029' ? "\\" : "\\\\").Append(next);
                i++;
                if (next == '\r' && i + 1 < literal.Length && literal[i + 1] == '\n')
                {
                    output.Append('\n');
                    i++;
                }
                continue;
            }
            output.Append(c);
        }
    }
}
