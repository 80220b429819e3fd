namespace Capsule.Platform.Accounts;

/// <summary>
/// A token the CLI uses instead of a password. Only a SHA-256 hash of the secret is stored; the secret is
/// shown once, at creation.
/// </summary>
public sealed class PersonalAccessToken
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public CapsuleUser? User { get; set; }

    public required string Name { get; set; }

    /// <summary>The first characters of the secret, so a person can tell tokens apart.</summary>
    public required string Prefix { get; set; }

    public required string SecretHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }
}
