namespace Capsule.Platform.MiniPrograms;

/// <summary>One uploaded version of a mini program, compiled into an immutable bundle.</summary>
public sealed class ProgramVersion
{
    public long Id { get; set; }

    public long MiniProgramId { get; set; }

    public MiniProgram? MiniProgram { get; set; }

    /// <summary>The developer's version string, such as 1.0.0.</summary>
    public required string Number { get; set; }

    public string Notes { get; set; } = "";

    /// <summary>The id (manifest hash) of the compiled bundle.</summary>
    public required string BundleId { get; set; }

    public Versions.VersionState State { get; set; }

    /// <summary>The oldest base library the version runs on (project.config.json's libVersion), if it says.</summary>
    public string? MinBaseLibrary { get; set; }

    /// <summary>The reviewer's reason when the version was rejected.</summary>
    public string? ReviewNote { get; set; }

    public string? ReviewedById { get; set; }

    /// <summary>Who uploaded it; null for demo content.</summary>
    public string? UploadedById { get; set; }

    public DateTime CreatedAt { get; set; }
}
