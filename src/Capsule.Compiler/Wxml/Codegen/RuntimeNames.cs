namespace Capsule.Compiler.Wxml.Codegen;

/// <summary>
/// The names of the helpers that generated render code calls. They are defined once per view bundle by
/// <see cref="ViewPrelude"/>; the two must change together.
/// </summary>
internal static class RuntimeNames
{
    /// <summary><c>$g(obj, key)</c>: property read that yields undefined on null or undefined.</summary>
    public const string Get = "$g";

    /// <summary><c>$c(thisArg, fnOrKey, args)</c>: calls a function, or a method of thisArg by key.</summary>
    public const string Call = "$c";

    /// <summary><c>$t(value)</c>: a value as text in the view.</summary>
    public const string Text = "$t";

    /// <summary><c>$f(collection, fn(item, index))</c>: wx:for over arrays, objects, strings and numbers.</summary>
    public const string For = "$f";

    /// <summary>
    /// <c>$k(nodes, start, loop, key)</c>: gives the elements one <c>wx:for</c> item added to <c>nodes</c> from
    /// <c>start</c> on a non-enumerable <c>key</c> (the loop, the <c>wx:key</c> value and, when the item made
    /// several, their position), so the view can keep items' DOM across reorders while the rendered tree,
    /// as JSON, stays exactly wcc's.
    /// </summary>
    public const string Key = "$k";

    /// <summary>
    /// <c>$m(memo, key, dependencies, nodes)</c>: with a memo whose last render gave the <c>wx:for</c> item at
    /// <c>key</c> the same dependencies (compared with <c>===</c>), pushes the nodes it made then and returns true;
    /// otherwise returns what <see cref="MemoStore"/> needs (or null without a memo). The view's data changes by
    /// copying what a setData path goes through, so an unchanged value keeps its identity.
    /// </summary>
    public const string Memo = "$m";

    /// <summary><c>$ms(memo, entry, nodes, start)</c>: keeps the nodes an item made from <c>start</c> on for the next render.</summary>
    public const string MemoStore = "$ms";
}
