namespace Capsule.Server.Registry;

public sealed record RegisterProgramRequest(string Name, string Category, string? Description, string? IconUrl);

public sealed record MemberRequest(string Role);

public sealed record MemberInfo(string UserId, string Role);

/// <summary>A program as its team sees it; <see cref="AppSecret"/> only in the answers that create or rotate it.</summary>
public sealed record ProgramDetails(
    string AppId, string Name, string Category, string Description, string? IconUrl, string? OwnerId,
    IReadOnlyList<MemberInfo> Members, string? AppSecret = null);

public sealed record SecretAnswer(string AppId, string AppSecret);
