namespace Capsule.Compiler;

/// <summary>Limits a project must stay within; the defaults are WeChat's.</summary>
public sealed record CompileOptions
{
    public const long Megabyte = 1024 * 1024;

    public static CompileOptions Default { get; } = new();

    /// <summary>The main package's files, in bytes.</summary>
    public long MainPackageLimit { get; init; } = 2 * Megabyte;

    /// <summary>Each subpackage's files, in bytes.</summary>
    public long SubPackageLimit { get; init; } = 2 * Megabyte;

    /// <summary>All packages together, in bytes.</summary>
    public long TotalLimit { get; init; } = 30 * Megabyte;
}
