using System.Buffers;
using Acornima;

namespace Capsule.Compiler.Minification;

/// <summary>
/// What a minified script puts between two tokens so that it parses exactly as the original: a line break, a space,
/// or nothing.
/// </summary>
/// <remarks>
/// <para>
/// Whitespace changes a parse in only two ways. Whether a line terminator stands between two tokens (alone or inside a
/// comment, however many) decides automatic semicolon insertion, the <c>[no LineTerminator here]</c> rules (after
/// <c>return</c>, <c>throw</c>, <c>break</c>, <c>continue</c>, <c>yield</c> and <c>async</c>, before a postfix
/// <c>++</c>/<c>--</c> and before <c>=&gt;</c>) and whether <c>--&gt;</c> opens a comment. And two tokens written
/// together can read as other tokens (<c>a + +b</c>, <c>return x</c>, <c>1 .toString()</c>).
/// </para>
/// <para>
/// So a line break is kept wherever the original has one, except after <c>{ ( [ , ;</c> and <c>${</c> and before
/// <c>} ) ] , ; .</c>: none of the restricted productions has those tokens on either side, and a semicolon inserted
/// there would be an empty statement, a semicolon of a <c>for</c> header or a syntax error, or (before <c>}</c>) is
/// inserted anyway, so no parse depends on that line break. Everything else keeps it, which is always safe.
/// A space is written only where the two tokens would otherwise run together; tokens that touch in the original
/// (such as the parts of a template literal) stay touching.
/// </para>
/// </remarks>
internal static class JsSeparators
{
    private static readonly SearchValues<char> s_lineTerminators = SearchValues.Create("\n\r\u2028\u2029");

    public static string Between(string text, JsToken previous, JsToken next)
    {
        if (previous.End == next.Start)
        {
            return "";
        }
        if (HasLineTerminator(text.AsSpan(previous.End, next.Start - previous.End)) && !LineBreakIsIrrelevant(text, previous, next))
        {
            return "\n";
        }
        return NeedsSpace(text, previous, next) ? " " : "";
    }

    private static bool HasLineTerminator(ReadOnlySpan<char> gap) => gap.ContainsAny(s_lineTerminators);

    private static bool LineBreakIsIrrelevant(string text, JsToken previous, JsToken next) =>
        (previous.Kind == TokenKind.Punctuator && text.AsSpan(previous.Start, previous.End - previous.Start) is "{" or "(" or "[" or "," or ";" or "${")
        || (next.Kind == TokenKind.Punctuator && text.AsSpan(next.Start, next.End - next.Start) is "}" or ")" or "]" or "," or ";" or ".");

    private static bool NeedsSpace(string text, JsToken previous, JsToken next)
    {
        var last = text[previous.End - 1];
        var first = text[next.Start];
        if ((IsWordPart(last) || previous.Kind == TokenKind.RegExpLiteral) && (IsWordPart(first) || first == '#'))
        {
            return true;
        }
        if (previous.Kind is TokenKind.NumericLiteral or TokenKind.BigIntLiteral && first == '.')
        {
            return true;
        }
        return (last, first) is ('+', '+') or ('-', '-') or ('/', '/') or ('/', '*') or ('<', '!') or ('-', '>') or ('?', '.') or ('.', '.');
    }

    /// <summary>A character that can continue an identifier, keyword or number (or an escape in one); any non-ASCII counts.</summary>
    private static bool IsWordPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or '\\' || c > '\u007f';
}
