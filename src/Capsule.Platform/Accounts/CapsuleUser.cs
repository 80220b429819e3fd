using Microsoft.AspNetCore.Identity;

namespace Capsule.Platform.Accounts;

/// <summary>A person using Capsule. The Identity id is the stable user id.</summary>
public sealed class CapsuleUser : IdentityUser
{
    public required string Nickname { get; set; }

    public string? AvatarUrl { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The Capsule ID people add this person by (<see cref="Contacts.Handle"/>); given a random default at sign-up.</summary>
    public string? Handle { get; set; }

    /// <summary><see cref="Handle"/> as compared for uniqueness.</summary>
    public string? NormalizedHandle { get; set; }
}
