using System.Text;
using Capsule.Compiler.Diagnostics;

namespace Capsule.Compiler.Wxss;

/// <summary>
/// Turns WXSS into browser CSS: <c>rpx</c> lengths become fractions of the viewport width (750rpx = 100vw),
/// <c>vh</c> fractions of the page's window (<c>cqh</c>)
/// and element selectors name the rendered elements (<c>view</c> → <c>wx-view</c>, <c>page</c> → <c>wx-page</c>).
/// Comments are dropped; strings are copied untouched. With a class scope (a component's), every class
/// selector is prefixed with it (<c>.title</c> → <c>.scope--title</c>) so the styles apply only inside the component.
/// <c>@import</c> statements are replaced by what the import callback returns for them.
/// </summary>
public static class WxssCompiler
{
    private const int MaxDepth = 64;

    /// <param name="file">The WXSS source.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="classScope">The component's class prefix, or null for app and page styles.</param>
    /// <param name="import">Compiles an imported file: (request as written, its span) → CSS, or null when it failed.</param>
    public static string Compile(SourceFile file, DiagnosticBag diagnostics, string? classScope = null, Func<string, SourceSpan, string?>? import = null)
    {
        var text = file.Text;
        var output = new StringBuilder(text.Length + 64);
        var prelude = new StringBuilder();
        var preludeStart = 0;
        var blocks = new Stack<BlockKind>();
        var i = 0;

        while (i < text.Length)
        {
            var c = text[i];
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    diagnostics.Error(file, new SourceSpan(i, 2), "comment is not closed: expected '*/'");
                    break;
                }
                i = end + 2;
                continue;
            }
            if (c is '"' or '\'')
            {
                var end = StringEnd(text, i);
                if (end < 0)
                {
                    diagnostics.Error(file, new SourceSpan(i, 1), "string is not closed");
                    break;
                }
                if (prelude.Length == 0)
                {
                    preludeStart = i;
                }
                prelude.Append(text, i, end - i);
                i = end;
                continue;
            }
            var inDeclarations = blocks.Count > 0 && blocks.Peek() == BlockKind.Declarations;
            if (c == '{')
            {
                if (blocks.Count >= MaxDepth)
                {
                    diagnostics.Error(file, new SourceSpan(i, 1), $"blocks are nested more than {MaxDepth} deep");
                    break;
                }
                var head = prelude.ToString().Trim();
                var kind = head.StartsWith("@media", StringComparison.OrdinalIgnoreCase)
                           || head.StartsWith("@supports", StringComparison.OrdinalIgnoreCase)
                    ? BlockKind.Rules
                    : head.StartsWith("@keyframes", StringComparison.OrdinalIgnoreCase)
                      || head.StartsWith("@-webkit-keyframes", StringComparison.OrdinalIgnoreCase)
                        ? BlockKind.Keyframes
                        : BlockKind.Declarations;
                if (head.Length == 0 && !inDeclarations)
                {
                    diagnostics.Error(file, new SourceSpan(i, 1), "expected a selector before '{'");
                }
                var parentIsKeyframes = blocks.Count > 0 && blocks.Peek() == BlockKind.Keyframes;
                output.Append(head.StartsWith('@') || parentIsKeyframes ? ConvertLengths(head) : Selectors.Rewrite(head, classScope));
                output.Append('{');
                prelude.Clear();
                blocks.Push(kind);
                i++;
                continue;
            }
            if (c == '}')
            {
                if (blocks.Count == 0)
                {
                    diagnostics.Error(file, new SourceSpan(i, 1), "unexpected '}' with no open block");
                    i++;
                    continue;
                }
                if (blocks.Peek() == BlockKind.Declarations)
                {
                    AppendDeclaration(output, prelude.ToString());
                }
                prelude.Clear();
                blocks.Pop();
                output.Append('}');
                i++;
                continue;
            }
            if (c == ';' && (inDeclarations || blocks.Count == 0))
            {
                if (inDeclarations)
                {
                    AppendDeclaration(output, prelude.ToString());
                }
                else if (ImportRequest(prelude.ToString()) is { } request)
                {
                    var css = import is null ? null : import(request, new SourceSpan(preludeStart, prelude.Length));
                    output.Append(css);
                }
                else
                {
                    output.Append(prelude.ToString().Trim()).Append(';');
                }
                prelude.Clear();
                i++;
                continue;
            }
            if (prelude.Length == 0)
            {
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }
                preludeStart = i;
            }
            prelude.Append(c);
            i++;
        }

        if (blocks.Count > 0)
        {
            diagnostics.Error(file, new SourceSpan(Math.Max(0, text.Length - 1), 1), "a '{' block is not closed: expected '}'");
        }
        else if (prelude.ToString().Trim().Length > 0)
        {
            diagnostics.Error(file, new SourceSpan(preludeStart, 1), "expected '{' after the selector");
        }
        return output.ToString();
    }

    /// <summary>Writes <c>name:value;</c> with lengths converted; an empty declaration writes nothing.</summary>
    private static void AppendDeclaration(StringBuilder output, string declaration)
    {
        var text = declaration.Trim();
        if (text.Length == 0)
        {
            return;
        }
        var colon = text.IndexOf(':');
        if (colon < 0)
        {
            output.Append(text).Append(';');
            return;
        }
        output.Append(text[..colon].TrimEnd()).Append(':').Append(ConvertLengths(text[(colon + 1)..].Trim(), declaration: true)).Append(';');
    }

    /// <summary>The path of <c>@import "x.wxss"</c> or <c>@import url("x.wxss")</c>, or null for any other statement.</summary>
    private static string? ImportRequest(string statement)
    {
        var text = statement.Trim();
        if (!text.StartsWith("@import", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var argument = text["@import".Length..].Trim();
        if (argument.StartsWith("url(", StringComparison.OrdinalIgnoreCase) && argument.EndsWith(')'))
        {
            argument = argument[4..^1].Trim();
        }
        return argument.Trim('"', '\'');
    }

    private enum BlockKind
    {
        Rules,
        Declarations,
        Keyframes,
    }

    private static int StringEnd(string text, int start)
    {
        var quote = text[start];
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                return i + 1;
            }
            else if (text[i] == '\n')
            {
                return -1;
            }
        }
        return -1;
    }

    /// <summary>
    /// Replaces every <c>Nrpx</c> outside strings with <c>calc(N * 100vw / 750)</c>. In a declaration, every <c>Nvh</c>
    /// becomes <c>Ncqh</c>: a page's viewport in WeChat is its window, between the navigation bar and the tab bar, and
    /// the container makes each page a size container (at-rule conditions keep <c>vh</c>, where <c>cqh</c> is not valid).
    /// </summary>
    internal static string ConvertLengths(string value, bool declaration = false)
    {
        var viewportHeights = declaration && value.Contains("vh", StringComparison.OrdinalIgnoreCase);
        if (!viewportHeights && !value.Contains("rpx", StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }
        var result = new StringBuilder(value.Length + 32);
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (c is '"' or '\'')
            {
                var end = StringEnd(value, i);
                end = end < 0 ? value.Length : end;
                result.Append(value, i, end - i);
                i = end;
                continue;
            }
            var startsNumber = char.IsAsciiDigit(c) || (c == '.' && i + 1 < value.Length && char.IsAsciiDigit(value[i + 1]));
            var partOfWord = i > 0 && (char.IsAsciiLetterOrDigit(value[i - 1]) || value[i - 1] is '_' or '-' && i > 1 && char.IsAsciiLetter(value[i - 2]));
            if (!startsNumber || partOfWord)
            {
                result.Append(c);
                i++;
                continue;
            }
            var start = i;
            while (i < value.Length && (char.IsAsciiDigit(value[i]) || value[i] == '.'))
            {
                i++;
            }
            var number = value[start..i];
            var negative = start > 0 && value[start - 1] == '-';
            if (i + 3 <= value.Length && string.Compare(value, i, "rpx", 0, 3, StringComparison.OrdinalIgnoreCase) == 0
                && (i + 3 == value.Length || !char.IsAsciiLetterOrDigit(value[i + 3])))
            {
                if (negative)
                {
                    result.Length--;
                }
                result.Append("calc(").Append(negative ? "-" : "").Append(number).Append(" * 100vw / 750)");
                i += 3;
            }
            else if (viewportHeights && i + 2 <= value.Length && string.Compare(value, i, "vh", 0, 2, StringComparison.OrdinalIgnoreCase) == 0
                && (i + 2 == value.Length || !char.IsAsciiLetterOrDigit(value[i + 2])))
            {
                result.Append(number).Append("cqh");
                i += 2;
            }
            else
            {
                result.Append(number);
            }
        }
        return result.ToString();
    }
}
