using System.Text;

namespace Capsule.Compiler.Wxml.Codegen;

/// <summary>
/// What wcc makes of backslashes in the literal parts of WXML, outside <c>{{ }}</c>. wcc copies text into a
/// JavaScript string literal, keeping a backslash only before <c>n t r \ " '</c> and writing every other
/// backslash, and every quote, as a hex escape, so <c>\n</c>, <c>\t</c> and <c>\r</c> become the control
/// characters while <c>\\</c> shows as <c>\x5c</c> and <c>\"</c> as <c>\x22</c>. Attribute values are first
/// unescaped once more (<c>\c</c> is <c>c</c>). Both rules were read off wcc's output for 400 random strings of
/// backslashes, quotes and letters (tests/oracle/cases/features.json keeps a sample).
/// </summary>
internal static class WccEscapes
{
    /// <summary>A literal part of text content.</summary>
    public static string Text(string text)
    {
        if (!text.Contains('\\'))
        {
            return text;
        }
        var literal = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            literal.Append(c switch
            {
                '\\' when next is 'n' or 't' or 'r' or '\\' or '"' or '\'' => "\\",
                '\\' => "\\x5c",
                '"' => "\\x22",
                '\'' => "\\x27",
                _ => c.ToString(),
            });
        }
        return Evaluate(literal.ToString());
    }

    /// <summary>A literal part of an attribute's value.</summary>
    public static string Attribute(string value) => value.Contains('\\') ? Text(Unescape(value)) : value;

    /// <summary><c>\n</c>, <c>\t</c>, <c>\r</c> become control characters; any other <c>\c</c> is <c>c</c>.</summary>
    private static string Unescape(string value)
    {
        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                result.Append(Control(value[++i]));
            }
            else
            {
                result.Append(value[i]);
            }
        }
        return result.ToString();
    }

    /// <summary>The string a JavaScript literal made by <see cref="Text"/> evaluates to.</summary>
    private static string Evaluate(string literal)
    {
        var result = new StringBuilder(literal.Length);
        for (var i = 0; i < literal.Length; i++)
        {
            if (literal[i] != '\\' || i + 1 >= literal.Length)
            {
                result.Append(literal[i]);
            }
            else if (literal[i + 1] == 'x')
            {
                result.Append((char)Convert.ToInt32(literal.Substring(i + 2, 2), 16));
                i += 3;
            }
            else
            {
                result.Append(Control(literal[++i]));
            }
        }
        return result.ToString();
    }

    private static char Control(char c) => c switch
    {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        _ => c,
    };
}
