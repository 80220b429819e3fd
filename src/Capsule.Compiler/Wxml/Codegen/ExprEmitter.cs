using Capsule.Compiler.Wxml.Expressions;

namespace Capsule.Compiler.Wxml.Codegen;

/// <summary>
/// Turns an expression into JavaScript evaluated against the page data and the local scope, without spaces: every
/// operator is a punctuator, and no operand starts with a sign (number literals are never negative and unary
/// expressions are parenthesized), so no two tokens can run together.
/// </summary>
internal static class ExprEmitter
{
    /// <param name="expr">The expression.</param>
    /// <param name="resolve">Maps a name to the JavaScript that reads it (a loop variable, a WXS module or data).</param>
    public static string Emit(Expr expr, Func<string, string> resolve) => expr switch
    {
        LiteralExpr literal => Literal(literal),
        IdentifierExpr identifier => resolve(identifier.Name),
        MemberExpr member => $"{RuntimeNames.Get}({Emit(member.Target, resolve)},{JsWriter.String(member.Name)})",
        IndexExpr index => $"{RuntimeNames.Get}({Emit(index.Target, resolve)},{Emit(index.Key, resolve)})",
        CallExpr call => Call(call, resolve),
        UnaryExpr unary => $"({unary.Operator}{Emit(unary.Operand, resolve)})",
        BinaryExpr binary => $"({Emit(binary.Left, resolve)}{binary.Operator}{Emit(binary.Right, resolve)})",
        ConditionalExpr c => $"({Emit(c.Test, resolve)}?{Emit(c.WhenTrue, resolve)}:{Emit(c.WhenFalse, resolve)})",
        ArrayExpr array => "[" + string.Join(",", array.Items.Select(i => Emit(i, resolve))) + "]",
        SpreadExpr spread => "..." + Emit(spread.Argument, resolve),
        ObjectExpr obj => "{" + string.Join(",", obj.Properties.Select(p => Property(p, resolve))) + "}",
        _ => throw new InvalidOperationException($"unknown expression {expr.GetType().Name}"),
    };

    private static string Literal(LiteralExpr literal) => literal.Kind switch
    {
        LiteralKind.Number => JsWriter.Number((double)literal.Value!),
        LiteralKind.String => JsWriter.String((string)literal.Value!),
        LiteralKind.Boolean => (bool)literal.Value! ? "true" : "false",
        LiteralKind.Null => "null",
        _ => "undefined",
    };

    private static string Call(CallExpr call, Func<string, string> resolve)
    {
        var arguments = "[" + string.Join(",", call.Arguments.Select(a => Emit(a, resolve))) + "]";
        return call.Callee switch
        {
            MemberExpr member => $"{RuntimeNames.Call}({Emit(member.Target, resolve)},{JsWriter.String(member.Name)},{arguments})",
            IndexExpr index => $"{RuntimeNames.Call}({Emit(index.Target, resolve)},{Emit(index.Key, resolve)},{arguments})",
            _ => $"{RuntimeNames.Call}(undefined,{Emit(call.Callee, resolve)},{arguments})",
        };
    }

    private static string Property(ObjectProperty property, Func<string, string> resolve) =>
        property.Key is null
            ? "..." + Emit(property.Value, resolve)
            : JsWriter.String(property.Key) + ":" + Emit(property.Value, resolve);
}
