using System.Text;
using Acornima;
using Capsule.Compiler.Minification;

namespace Capsule.Compiler.Wxml.Codegen;

/// <summary>
/// WXS gives every value a <c>constructor</c> that is the name of its type as a string (<c>"Array"</c>,
/// <c>"Object"</c>, <c>"Number"</c>, <c>"String"</c>, <c>"Boolean"</c>, <c>"Function"</c>, <c>"Date"</c>,
/// <c>"RegExp"</c>), and libraries test types with it (Vant's <c>array.constructor === 'Array'</c>). A WXS module
/// runs as JavaScript, whose <c>constructor</c> is the function, so each <c>.constructor</c> read is rewritten to
/// the prelude's <c>[$ctor]</c>, a symbol whose getter answers the WXS name; JavaScript's own objects are untouched.
/// </summary>
internal static class WxsConstructor
{
    public const string Key = "$ctor";

    /// <summary><paramref name="code"/> with every <c>.constructor</c> member read rewritten; unchanged if it does not parse.</summary>
    public static string Rewrite(string code)
    {
        if (!code.Contains("constructor", StringComparison.Ordinal) || ScriptTokens.Tokenize(code) is not { } parsed)
        {
            return code;
        }
        var tokens = parsed.Tokens;
        var output = new StringBuilder(code.Length + 16);
        var copied = 0;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var dot = tokens[i];
            var name = tokens[i + 1];
            if (dot.Kind == TokenKind.Punctuator && code.AsSpan(dot.Start, dot.End - dot.Start) is "."
                && name.Kind == TokenKind.Identifier && code.AsSpan(name.Start, name.End - name.Start) is "constructor")
            {
                output.Append(code, copied, dot.Start - copied).Append('[').Append(Key).Append(']');
                copied = name.End;
                i++;
            }
        }
        return output.Append(code, copied, code.Length - copied).ToString();
    }
}
