namespace Capsule.Platform.MiniPrograms;

/// <summary>A registered mini program: its public identity and the version everyone gets.</summary>
public sealed class MiniProgram
{
    public long Id { get; set; }

    /// <summary><c>wx</c> followed by 16 hex digits, issued by the platform.</summary>
    public required string AppId { get; set; }

    public required string Name { get; set; }

    /// <summary>The name as compared for uniqueness and exact-name search.</summary>
    public required string NormalizedName { get; set; }

    public string Description { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>Published from the samples folder at start-up, to show what Capsule does.</summary>
    public bool IsDemo { get; set; }

    public long? ReleasedVersionId { get; set; }

    public ProgramVersion? ReleasedVersion { get; set; }

    public List<ProgramVersion> Versions { get; set; } = [];
}
