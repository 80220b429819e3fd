namespace Capsule.Server.Accounts;

public sealed record SignUpRequest(string Email, string Password, string Nickname);

public sealed record SignInRequest(string Email, string Password);

public sealed record ProfileUpdate(string Nickname, string? AvatarUrl);

/// <summary>The signed-in person; <c>Handle</c> is the Capsule ID others add them by.</summary>
public sealed record Profile(string Id, string Email, string Nickname, string? AvatarUrl, IReadOnlyList<string> Roles, string? Handle);

public sealed record HandleUpdate(string Handle);

public sealed record TokenRequest(string Name);

/// <summary>A personal access token as listed; <see cref="Secret"/> is present only in the answer that created it.</summary>
public sealed record TokenInfo(long Id, string Name, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, string? Secret = null);

public sealed record RoleGrant(string Role);
