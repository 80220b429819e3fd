using Acornima;

namespace Capsule.Compiler.Minification;

/// <summary>One token of a script: its kind and its range in the text.</summary>
public readonly record struct JsToken(TokenKind Kind, int Start, int End);

/// <summary>
/// The tokens of a script in order, as Acornima's parser read them, so that every <c>/</c> is a division or the start
/// of a regular expression, and every template part is split off, exactly as the grammar decides; and the comments a
/// minified script keeps: block comments that start with <c>!</c> or mention <c>@license</c> or <c>@preserve</c>.
/// </summary>
public sealed class ScriptTokens
{
    private readonly string _text;
    private readonly List<JsToken> _tokens;
    private readonly List<JsToken> _keptComments = [];

    private ScriptTokens(string text)
    {
        _text = text;
        _tokens = new List<JsToken>(text.Length / 4);
    }

    /// <summary>Every token but the end of input.</summary>
    public IReadOnlyList<JsToken> Tokens => _tokens;

    /// <summary>The comments to keep, in order.</summary>
    public IReadOnlyList<JsToken> KeptComments => _keptComments;

    /// <summary>Parses <paramref name="text"/> as a script; null if it is not valid JavaScript.</summary>
    public static ScriptTokens? Tokenize(string text)
    {
        var options = CollectInto(new ParserOptions(), text, out var tokens);
        try
        {
            new Parser(options).ParseScript(text);
            return tokens;
        }
        catch (ParseErrorException)
        {
            return null;
        }
        catch (InsufficientExecutionStackException)
        {
            return null;
        }
    }

    /// <summary>
    /// Returns <paramref name="options"/> set to record the tokens of the text it parses into <paramref name="tokens"/>,
    /// which are complete once that parse has succeeded.
    /// </summary>
    public static ParserOptions CollectInto(ParserOptions options, string text, out ScriptTokens tokens)
    {
        var collected = new ScriptTokens(text);
        tokens = collected;
        return options with { OnToken = collected.Add, OnComment = collected.Add };
    }

    private void Add(in Token token)
    {
        if (token.Kind != TokenKind.EOF)
        {
            _tokens.Add(new JsToken(token.Kind, token.Start, token.End));
        }
    }

    private void Add(in Comment comment)
    {
        if (comment.Kind == CommentKind.Block && IsKept(comment.GetContent(_text)))
        {
            _keptComments.Add(new JsToken(TokenKind.Unknown, comment.Start, comment.End));
        }
    }

    private static bool IsKept(ReadOnlySpan<char> content) =>
        content.StartsWith("!") || content.Contains("@license", StringComparison.Ordinal) || content.Contains("@preserve", StringComparison.Ordinal);
}
