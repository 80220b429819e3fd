using Capsule.Compiler.Diagnostics;

namespace Capsule.Compiler.Wxml.Expressions;

public enum TokenKind
{
    End,
    Number,
    String,
    Identifier,
    Punctuator,
    Invalid,
}

/// <summary>A token of the expression language with its position in the WXML file.</summary>
public readonly record struct Token(TokenKind Kind, string Text, object? Value, SourceSpan Span)
{
    public bool Is(string punctuator) => Kind == TokenKind.Punctuator && Text == punctuator;
}
