using Acornima;
using Acornima.Ast;

namespace Capsule.Compiler.Tests.Minification;

/// <summary>
/// What a script parses to, as text: its tokens (kind and text), the syntax tree's node types in order, and how many
/// semicolons were inserted automatically. Two scripts with the same shape parse to the same program.
/// </summary>
internal static class JsShape
{
    public static string Of(string script)
    {
        var parts = new List<string>();
        var insertedSemicolons = 0;
        var parser = new Parser(new ParserOptions
        {
            OnToken = (in Token token) => parts.Add($"{token.Kind} {script[token.Start..token.End]}"),
            OnInsertedSemicolon = (int _, Position _) => insertedSemicolons++,
        });
        var nodes = new Stack<Node>([parser.ParseScript(script)]);
        while (nodes.TryPop(out var node))
        {
            parts.Add(node.Type.ToString());
            foreach (var child in node.ChildNodes.Reverse())
            {
                nodes.Push(child);
            }
        }
        parts.Add($"{insertedSemicolons} inserted semicolons");
        return string.Join("\n", parts);
    }

    /// <summary>Fails unless <paramref name="minified"/> parses to the same program as <paramref name="original"/>.</summary>
    public static void AssertSame(string original, string minified)
    {
        var expected = Of(original);
        string actual;
        try
        {
            actual = Of(minified);
        }
        catch (ParseErrorException error)
        {
            Assert.Fail($"the minified script does not parse: {error.Message}\n--- original\n{original}\n--- minified\n{minified}");
            return;
        }
        Assert.True(expected == actual, $"the minified script parses differently\n--- original\n{original}\n--- minified\n{minified}");
    }
}
