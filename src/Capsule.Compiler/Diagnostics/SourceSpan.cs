namespace Capsule.Compiler.Diagnostics;

/// <summary>A range of characters in a <see cref="SourceFile"/>.</summary>
public readonly record struct SourceSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static SourceSpan FromBounds(int start, int end) => new(start, Math.Max(0, end - start));
}
