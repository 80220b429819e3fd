using System.Globalization;
using System.Text;
using Capsule.Compiler.Diagnostics;

namespace Capsule.Compiler.Wxml.Expressions;

/// <summary>Splits the text of one <c>{{ }}</c> into tokens.</summary>
public static class ExpressionLexer
{
    private static readonly string[] s_punctuators =
    [
        "===", "!==", "...", "==", "!=", "<=", ">=", "&&", "||",
        "+", "-", "*", "/", "%", "<", ">", "!", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}",
    ];

    /// <param name="source">The expression text.</param>
    /// <param name="offset">Where the text starts in the file, so spans are file offsets.</param>
    public static List<Token> Tokenize(string source, int offset)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < source.Length && char.IsWhiteSpace(source[i]))
            {
                i++;
            }
            if (i + 1 < source.Length && source[i] == '/' && source[i + 1] == '*')
            {
                var close = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    tokens.Add(new Token(TokenKind.Invalid, "/*", "comment is not closed: expected '*/'", new SourceSpan(offset + i, 2)));
                    tokens.Add(new Token(TokenKind.End, "", null, new SourceSpan(offset + source.Length, 0)));
                    return tokens;
                }
                i = close + 2;
                continue;
            }
            if (i >= source.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", null, new SourceSpan(offset + i, 0)));
                return tokens;
            }
            var start = i;
            var c = source[i];
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < source.Length && char.IsAsciiDigit(source[i + 1])))
            {
                tokens.Add(ReadNumber(source, ref i, offset));
            }
            else if (c is '"' or '\'')
            {
                tokens.Add(ReadString(source, ref i, offset));
            }
            else if (char.IsLetter(c) || c is '_' or '$')
            {
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] is '_' or '$'))
                {
                    i++;
                }
                tokens.Add(new Token(TokenKind.Identifier, source[start..i], null, new SourceSpan(offset + start, i - start)));
            }
            else
            {
                var punctuator = Array.Find(s_punctuators, p => string.CompareOrdinal(source, i, p, 0, p.Length) == 0);
                if (punctuator is null)
                {
                    tokens.Add(new Token(TokenKind.Invalid, c.ToString(), null, new SourceSpan(offset + i, 1)));
                    i++;
                }
                else
                {
                    i += punctuator.Length;
                    tokens.Add(new Token(TokenKind.Punctuator, punctuator, null, new SourceSpan(offset + start, punctuator.Length)));
                }
            }
        }
    }

    private static Token ReadNumber(string source, ref int i, int offset)
    {
        var start = i;
        if (source[i] == '0' && i + 1 < source.Length && source[i + 1] is 'x' or 'X')
        {
            i += 2;
            while (i < source.Length && char.IsAsciiHexDigit(source[i]))
            {
                i++;
            }
            var hex = source[(start + 2)..i];
            var ok = long.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h);
            return ok
                ? new Token(TokenKind.Number, source[start..i], (double)h, new SourceSpan(offset + start, i - start))
                : new Token(TokenKind.Invalid, source[start..i], null, new SourceSpan(offset + start, i - start));
        }
        while (i < source.Length && (char.IsAsciiDigit(source[i]) || source[i] == '.'))
        {
            i++;
        }
        if (i < source.Length && source[i] is 'e' or 'E')
        {
            var save = i;
            i++;
            if (i < source.Length && source[i] is '+' or '-')
            {
                i++;
            }
            if (i < source.Length && char.IsAsciiDigit(source[i]))
            {
                while (i < source.Length && char.IsAsciiDigit(source[i]))
                {
                    i++;
                }
            }
            else
            {
                i = save;
            }
        }
        var text = source[start..i];
        var span = new SourceSpan(offset + start, i - start);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? new Token(TokenKind.Number, text, value, span)
            : new Token(TokenKind.Invalid, text, null, span);
    }

    private static Token ReadString(string source, ref int i, int offset)
    {
        var start = i;
        var quote = source[i++];
        var value = new StringBuilder();
        while (i < source.Length && source[i] != quote)
        {
            var c = source[i++];
            if (c != '\\' || i >= source.Length)
            {
                value.Append(c);
                continue;
            }
            var e = source[i++];
            switch (e)
            {
                case 'n': value.Append('\n'); break;
                case 't': value.Append('\t'); break;
                case 'r': value.Append('\r'); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'v': value.Append('\v'); break;
                case '0': value.Append('\0'); break;
                case 'u' when i + 4 <= source.Length && int.TryParse(source.AsSpan(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var u):
                    value.Append((char)u);
                    i += 4;
                    break;
                case 'x' when i + 2 <= source.Length && int.TryParse(source.AsSpan(i, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var x):
                    value.Append((char)x);
                    i += 2;
                    break;
                default: value.Append(e); break;
            }
        }
        if (i >= source.Length)
        {
            return new Token(TokenKind.Invalid, source[start..], "unterminated string", new SourceSpan(offset + start, i - start));
        }
        i++;
        return new Token(TokenKind.String, source[start..i], value.ToString(), new SourceSpan(offset + start, i - start));
    }
}
