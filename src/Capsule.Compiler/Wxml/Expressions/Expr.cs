using Capsule.Compiler.Diagnostics;

namespace Capsule.Compiler.Wxml.Expressions;

/// <summary>An expression inside <c>{{ }}</c>. Spans are offsets in the WXML file.</summary>
public abstract record Expr(SourceSpan Span);

public enum LiteralKind
{
    Number,
    String,
    Boolean,
    Null,
    Undefined,
}

public sealed record LiteralExpr(LiteralKind Kind, object? Value, SourceSpan Span) : Expr(Span);

public sealed record IdentifierExpr(string Name, SourceSpan Span) : Expr(Span);

public sealed record MemberExpr(Expr Target, string Name, SourceSpan Span) : Expr(Span);

public sealed record IndexExpr(Expr Target, Expr Key, SourceSpan Span) : Expr(Span);

public sealed record CallExpr(Expr Callee, IReadOnlyList<Expr> Arguments, SourceSpan Span) : Expr(Span);

public sealed record UnaryExpr(string Operator, Expr Operand, SourceSpan Span) : Expr(Span);

public sealed record BinaryExpr(string Operator, Expr Left, Expr Right, SourceSpan Span) : Expr(Span);

public sealed record ConditionalExpr(Expr Test, Expr WhenTrue, Expr WhenFalse, SourceSpan Span) : Expr(Span);

public sealed record ArrayExpr(IReadOnlyList<Expr> Items, SourceSpan Span) : Expr(Span);

/// <summary>An object literal; a property with a null key is a spread (<c>...expr</c>).</summary>
public sealed record ObjectExpr(IReadOnlyList<ObjectProperty> Properties, SourceSpan Span) : Expr(Span);

public sealed record ObjectProperty(string? Key, Expr Value);

public sealed record SpreadExpr(Expr Argument, SourceSpan Span) : Expr(Span);
