using System.ComponentModel.DataAnnotations;

namespace Capsule.Platform.Versions;

/// <summary>The <c>Capsule:Upload</c> section: how large an uploaded package and its contents may be.</summary>
public sealed class UploadLimits
{
    public const string Section = "Capsule:Upload";

    /// <summary>The zip as sent.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxPackageBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>All files once expanded.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxExpandedBytes { get; set; } = 64L * 1024 * 1024;

    [Range(1, 1_000_000)]
    public int MaxEntries { get; set; } = 10_000;

    /// <summary>Expanded ÷ compressed size above which an entry of more than 1 MB is taken for a zip bomb.</summary>
    [Range(1, 100_000)]
    public int MaxCompressionRatio { get; set; } = 100;
}
