using Capsule.Compiler.Diagnostics;

namespace Capsule.Compiler.Wxml.Expressions;

/// <summary>
/// Parses the expression language of <c>{{ }}</c>: literals, member and index access, calls (of WXS
/// functions), unary and binary operators with JavaScript precedence, the conditional operator, and
/// array and object literals with spread. Reports one diagnostic and returns null on a syntax error.
/// </summary>
public sealed class ExpressionParser
{
    private const int MaxDepth = 200;

    private static readonly Dictionary<string, int> s_binaryPrecedence = new()
    {
        ["||"] = 1,
        ["&&"] = 2,
        ["=="] = 3,
        ["!="] = 3,
        ["==="] = 3,
        ["!=="] = 3,
        ["<"] = 4,
        [">"] = 4,
        ["<="] = 4,
        [">="] = 4,
        ["+"] = 5,
        ["-"] = 5,
        ["*"] = 6,
        ["/"] = 6,
        ["%"] = 6,
    };

    private readonly List<Token> _tokens;
    private int _index;
    private int _depth;

    private ExpressionParser(List<Token> tokens) => _tokens = tokens;

    private sealed class SyntaxError(Token at, string message) : Exception(message)
    {
        public Token At { get; } = at;
    }

    /// <summary>Parses one expression that starts at <paramref name="offset"/> in the file.</summary>
    public static Expr? Parse(string source, int offset, SourceFile file, DiagnosticBag diagnostics) =>
        Run(source, offset, file, diagnostics, p => p.ParseExpression());

    /// <summary>
    /// Parses the <c>data</c> of <c>&lt;template is&gt;</c>, an object literal written without its braces
    /// (<c>{{a: 1, ...item, b}}</c>).
    /// </summary>
    public static Expr? ParseObjectBody(string source, int offset, SourceFile file, DiagnosticBag diagnostics) =>
        Run(source, offset, file, diagnostics, p => p.ParseObjectProperties(p.Current, TokenKind.End));

    private static Expr? Run(string source, int offset, SourceFile file, DiagnosticBag diagnostics, Func<ExpressionParser, Expr> parse)
    {
        var tokens = ExpressionLexer.Tokenize(source, offset);
        var parser = new ExpressionParser(tokens);
        try
        {
            if (parser.Current.Kind == TokenKind.End)
            {
                throw new SyntaxError(parser.Current, "expected an expression inside {{ }}");
            }
            var expr = parse(parser);
            if (parser.Current.Kind != TokenKind.End)
            {
                throw new SyntaxError(parser.Current, $"unexpected '{parser.Current.Text}' in expression");
            }
            return expr;
        }
        catch (SyntaxError error)
        {
            diagnostics.Error(file, error.At.Span.Length == 0 ? new SourceSpan(error.At.Span.Start, 1) : error.At.Span, error.Message);
            return null;
        }
    }

    private Token Current => _tokens[_index];

    private Token Advance() => _tokens[_index < _tokens.Count - 1 ? _index++ : _index];

    private Token Expect(string punctuator)
    {
        if (!Current.Is(punctuator))
        {
            throw new SyntaxError(Current, Current.Kind == TokenKind.End
                ? $"expected '{punctuator}' but the expression ended"
                : $"expected '{punctuator}' but found '{Current.Text}'");
        }
        return Advance();
    }

    private Expr ParseExpression()
    {
        if (++_depth > MaxDepth)
        {
            throw new SyntaxError(Current, $"expression is nested more than {MaxDepth} deep");
        }
        try
        {
            var test = ParseBinary(1);
            if (!Current.Is("?"))
            {
                return test;
            }
            Advance();
            var whenTrue = ParseExpression();
            Expect(":");
            var whenFalse = ParseExpression();
            return new ConditionalExpr(test, whenTrue, whenFalse, SourceSpan.FromBounds(test.Span.Start, whenFalse.Span.End));
        }
        finally
        {
            _depth--;
        }
    }

    private Expr ParseBinary(int minPrecedence)
    {
        var left = ParseUnary();
        while (Current.Kind == TokenKind.Punctuator
               && s_binaryPrecedence.TryGetValue(Current.Text, out var precedence)
               && precedence >= minPrecedence)
        {
            var op = Advance().Text;
            var right = ParseBinary(precedence + 1);
            left = new BinaryExpr(op, left, right, SourceSpan.FromBounds(left.Span.Start, right.Span.End));
        }
        return left;
    }

    private Expr ParseUnary()
    {
        if (Current.Is("!") || Current.Is("-"))
        {
            if (++_depth > MaxDepth)
            {
                throw new SyntaxError(Current, $"expression is nested more than {MaxDepth} deep");
            }
            var op = Advance();
            var operand = ParseUnary();
            _depth--;
            return new UnaryExpr(op.Text, operand, SourceSpan.FromBounds(op.Span.Start, operand.Span.End));
        }
        var primary = ParsePrimary();
        if (primary is ObjectExpr && (Current.Is(".") || Current.Is("[") || Current.Is("(")))
        {
            throw new SyntaxError(Current, $"unexpected '{Current.Text}' after an object literal");
        }
        return ParsePostfix(primary);
    }

    private Expr ParsePostfix(Expr expr)
    {
        while (true)
        {
            if (Current.Is("."))
            {
                Advance();
                if (Current.Kind != TokenKind.Identifier)
                {
                    throw new SyntaxError(Current, "expected a property name after '.'");
                }
                var name = Advance();
                expr = new MemberExpr(expr, name.Text, SourceSpan.FromBounds(expr.Span.Start, name.Span.End));
            }
            else if (Current.Is("["))
            {
                Advance();
                var key = ParseExpression();
                var close = Expect("]");
                expr = new IndexExpr(expr, key, SourceSpan.FromBounds(expr.Span.Start, close.Span.End));
            }
            else if (Current.Is("("))
            {
                Advance();
                var arguments = new List<Expr>();
                while (!Current.Is(")"))
                {
                    arguments.Add(ParseExpression());
                    if (!Current.Is(","))
                    {
                        break;
                    }
                    Advance();
                }
                var close = Expect(")");
                expr = new CallExpr(expr, arguments, SourceSpan.FromBounds(expr.Span.Start, close.Span.End));
            }
            else
            {
                return expr;
            }
        }
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new LiteralExpr(LiteralKind.Number, token.Value, token.Span);
            case TokenKind.String:
                Advance();
                return new LiteralExpr(LiteralKind.String, token.Value, token.Span);
            case TokenKind.Identifier:
                Advance();
                return token.Text switch
                {
                    "true" => new LiteralExpr(LiteralKind.Boolean, true, token.Span),
                    "false" => new LiteralExpr(LiteralKind.Boolean, false, token.Span),
                    "null" => new LiteralExpr(LiteralKind.Null, null, token.Span),
                    "undefined" => new LiteralExpr(LiteralKind.Undefined, null, token.Span),
                    _ => new IdentifierExpr(token.Text, token.Span),
                };
            case TokenKind.Invalid when token.Value is string problem:
                throw new SyntaxError(token, problem);
            case TokenKind.Invalid:
                throw new SyntaxError(token, $"unexpected character '{token.Text}' in expression");
            case TokenKind.End:
                throw new SyntaxError(token, "the expression ended too early");
        }
        if (token.Is("("))
        {
            Advance();
            var inner = ParseExpression();
            Expect(")");
            return inner;
        }
        if (token.Is("["))
        {
            Advance();
            var items = new List<Expr>();
            while (!Current.Is("]"))
            {
                items.Add(ParseSpreadOr());
                if (!Current.Is(","))
                {
                    break;
                }
                Advance();
            }
            var close = Expect("]");
            return new ArrayExpr(items, SourceSpan.FromBounds(token.Span.Start, close.Span.End));
        }
        if (token.Is("{"))
        {
            Advance();
            var body = ParseObjectProperties(token, TokenKind.Punctuator);
            var close = Expect("}");
            return body with { Span = SourceSpan.FromBounds(token.Span.Start, close.Span.End) };
        }
        throw new SyntaxError(token, $"unexpected '{token.Text}' in expression");
    }

    private Expr ParseSpreadOr()
    {
        if (!Current.Is("..."))
        {
            return ParseExpression();
        }
        var dots = Advance();
        var argument = ParseExpression();
        return new SpreadExpr(argument, SourceSpan.FromBounds(dots.Span.Start, argument.Span.End));
    }

    /// <summary>Properties up to a closing brace (or the end, for a braceless template data object).</summary>
    private ObjectExpr ParseObjectProperties(Token start, TokenKind closing)
    {
        var properties = new List<ObjectProperty>();
        bool AtClose() => closing == TokenKind.End ? Current.Kind == TokenKind.End : Current.Is("}");
        while (!AtClose())
        {
            if (Current.Is("..."))
            {
                Advance();
                properties.Add(new ObjectProperty(null, ParseExpression()));
            }
            else
            {
                var key = Current;
                if (key.Kind is not (TokenKind.Identifier or TokenKind.String or TokenKind.Number))
                {
                    throw new SyntaxError(key, $"expected a property name but found '{key.Text}'");
                }
                Advance();
                var name = key.Kind == TokenKind.String ? (string)key.Value! : key.Text;
                if (Current.Is(":"))
                {
                    Advance();
                    properties.Add(new ObjectProperty(name, ParseExpression()));
                }
                else if (key.Kind == TokenKind.Identifier)
                {
                    properties.Add(new ObjectProperty(name, new IdentifierExpr(name, key.Span)));
                }
                else
                {
                    throw new SyntaxError(Current, $"expected ':' after '{key.Text}'");
                }
            }
            if (!Current.Is(","))
            {
                break;
            }
            Advance();
        }
        var end = _index > 0 ? _tokens[_index - 1].Span.End : start.Span.End;
        return new ObjectExpr(properties, SourceSpan.FromBounds(start.Span.Start, end));
    }
}
