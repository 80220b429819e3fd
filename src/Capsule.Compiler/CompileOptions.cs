namespace Capsule.Compiler;

/// <summary>How a project is compiled, and the limits it must stay within; the default limits are WeChat's.</summary>
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

    /// <summary>
    /// Whether the view and logic scripts are minified (the default); if not, they are readable, with the logic
    /// files' lines as written and one view statement a line, for debugging. Either way the source maps lead back to
    /// the original WXML, WXS and JS.
    /// </summary>
    public bool Minify { get; init; } = true;
}
