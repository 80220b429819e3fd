using System.Text;
using Acornima;

namespace Capsule.Compiler.Minification;

/// <summary>A minified script, and for each mapped token its offset in <see cref="Text"/> and in the script it came from.</summary>
public sealed record MinifiedScript(string Text, IReadOnlyList<(int Output, int Input)> Marks);

/// <summary>
/// Minifies a script by writing its tokens with nothing between them but what <see cref="JsSeparators"/> requires:
/// comments (but licenses), indentation, blank lines and most spaces and line breaks go; names and the tokens
/// themselves stay as written, so strings, template literals and regular expressions are untouched.
/// </summary>
/// <remarks>
/// Every token is marked with where it was, for the source map, except the zero-length parts of templates and the
/// punctuators <c>) ] , ;</c>, where neither a debugger stops nor an error is reported (it does stop at a function's
/// closing <c>}</c>).
/// </remarks>
public static class JsMinifier
{
    public static MinifiedScript Minify(string text, ScriptTokens script)
    {
        var output = new StringBuilder(text.Length / 2);
        var marks = new List<(int, int)>(script.Tokens.Count);
        var comments = script.KeptComments;
        var comment = 0;
        JsToken? previous = null;
        foreach (var token in script.Tokens)
        {
            for (; comment < comments.Count && comments[comment].Start < token.Start; comment++)
            {
                AppendComment(output, text, comments[comment]);
            }
            if (previous is { } before)
            {
                output.Append(JsSeparators.Between(text, before, token));
            }
            if (IsMapped(text, token))
            {
                marks.Add((output.Length, token.Start));
            }
            output.Append(text, token.Start, token.End - token.Start);
            previous = token;
        }
        for (; comment < comments.Count; comment++)
        {
            AppendComment(output, text, comments[comment]);
        }
        return new MinifiedScript(output.ToString(), marks);
    }

    /// <summary>
    /// A kept comment, after a space so that it cannot join a <c>/</c> before it into <c>//</c>. A comment separates
    /// the tokens around it and, if it spans lines, counts as a line break, which the original had there too.
    /// </summary>
    private static void AppendComment(StringBuilder output, string text, JsToken comment)
    {
        if (output.Length > 0)
        {
            output.Append(' ');
        }
        output.Append(text, comment.Start, comment.End - comment.Start);
    }

    private static bool IsMapped(string text, JsToken token) =>
        token.End > token.Start
        && !(token.Kind == TokenKind.Punctuator && token.End - token.Start == 1 && text[token.Start] is ')' or ']' or ',' or ';');
}
