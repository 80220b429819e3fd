using Microsoft.AspNetCore.Identity;

namespace Capsule.Platform.Accounts;

/// <summary>A person using Capsule. The Identity id is the stable user id.</summary>
public sealed class CapsuleUser : IdentityUser
{
    public required string Nickname { get; set; }

    public string? AvatarUrl { get; set; }

    public DateTime CreatedAt { get; set; }
}
