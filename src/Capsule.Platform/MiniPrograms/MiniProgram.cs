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

    /// <summary>A second-level category code of the taxonomy, such as <c>transport/bike-sharing</c>.</summary>
    public required string Category { get; set; }

    public string? IconUrl { get; set; }

    /// <summary>The owner's user id; null for the platform's own demo programs.</summary>
    public string? OwnerId { get; set; }

    /// <summary>SHA-256 of the appsecret; the secret itself is shown once and never stored.</summary>
    public string? AppSecretHash { get; set; }

    public List<Registry.ProgramMember> Members { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    /// <summary>Published from the samples folder at start-up, to show what Capsule does.</summary>
    public bool IsDemo { get; set; }

    /// <summary>The version everyone gets (everyone outside the phase, while one is phased in).</summary>
    public long? ReleasedVersionId { get; set; }

    /// <summary>The release before the current one, which a rollback returns to.</summary>
    public long? PreviousReleasedVersionId { get; set; }

    /// <summary>A version being phased in, and the percentage of users who get it.</summary>
    public long? PhasedVersionId { get; set; }

    public int PhasedPercentage { get; set; }

    public ProgramVersion? ReleasedVersion { get; set; }

    public List<ProgramVersion> Versions { get; set; } = [];
}
