using System.Text;

namespace Capsule.Compiler.Wxss;

/// <summary>
/// Rewrites a selector list: element names to the rendered element names (<c>view</c> → <c>wx-view</c>) and,
/// within a component, class names to the component's scoped names (<c>.a</c> → <c>.scope--a</c>).
/// </summary>
internal static class Selectors
{
    public static string Rewrite(string selectors, string? classScope = null) =>
        string.Join(",", RewriteNames(selectors, classScope).Split(',').Select(part => part.Trim()));

    private static string RewriteNames(string selectors, string? classScope)
    {
        var result = new StringBuilder(selectors.Length + 16);
        var i = 0;
        while (i < selectors.Length)
        {
            var c = selectors[i];
            if (c is '"' or '\'')
            {
                var end = selectors.IndexOf(c, i + 1);
                end = end < 0 ? selectors.Length : end + 1;
                result.Append(selectors, i, end - i);
                i = end;
                continue;
            }
            if (c == '[')
            {
                var end = selectors.IndexOf(']', i);
                end = end < 0 ? selectors.Length : end + 1;
                result.Append(selectors, i, end - i);
                i = end;
                continue;
            }
            if (c == '(')
            {
                var close = selectors.IndexOf(')', i);
                var end = close < 0 ? selectors.Length : close;
                result.Append('(').Append(RewriteNames(selectors[(i + 1)..end], classScope));
                if (close >= 0)
                {
                    result.Append(')');
                }
                i = close < 0 ? selectors.Length : close + 1;
                continue;
            }
            if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < selectors.Length && (char.IsAsciiLetterOrDigit(selectors[i]) || selectors[i] is '-' or '_'))
                {
                    i++;
                }
                var name = selectors[start..i];
                var previous = start > 0 ? selectors[start - 1] : ' ';
                var isElement = previous is ' ' or ',' or '>' or '+' or '~' or '(' or '\t' or '\n' or '\r';
                result.Append(isElement && !IsKeyword(name) ? "wx-" + name : name);
                continue;
            }
            if (c is '.' or '#' or ':')
            {
                result.Append(c);
                i++;
                if (c == '.' && classScope is not null && i < selectors.Length && !char.IsAsciiDigit(selectors[i]))
                {
                    result.Append(classScope).Append("--");
                }
                while (i < selectors.Length && (char.IsAsciiLetterOrDigit(selectors[i]) || selectors[i] is '-' or '_' or ':' || selectors[i] > 127))
                {
                    result.Append(selectors[i]);
                    i++;
                }
                continue;
            }
            result.Append(c);
            i++;
        }
        return result.ToString();
    }

    private static bool IsKeyword(string name) => name is "from" or "to" or "odd" or "even" or "n";
}
