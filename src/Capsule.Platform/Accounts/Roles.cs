namespace Capsule.Platform.Accounts;

/// <summary>The roles of the platform. Everyone is a user; the others are granted.</summary>
public static class Roles
{
    public const string User = "user";

    /// <summary>Registers mini programs and uploads versions.</summary>
    public const string Developer = "developer";

    /// <summary>Approves or rejects versions submitted for review.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>Runs the platform: grants roles, manages categories and names.</summary>
    public const string Operator = "operator";

    public static IReadOnlyList<string> All { get; } = [User, Developer, Reviewer, Operator];
}
