namespace Capsule.Platform.Codes;

/// <summary>What a Capsule code opens.</summary>
public enum CodeKind
{
    /// <summary>A mini program, at a page path (with its query, such as <c>scene=…</c>) or its home page.</summary>
    Program,

    /// <summary>A person's Capsule ID, to add them as a contact.</summary>
    User,
}

/// <summary>
/// The content of a signed Capsule link. <paramref name="Target"/> is the appid or the user id;
/// <paramref name="Path"/> the page path with its query (programs only, empty for the home page).
/// </summary>
public sealed record CodeLink(CodeKind Kind, string Target, string Path = "", DateTimeOffset? ExpiresAt = null);

/// <summary>Why a token was refused.</summary>
public enum CodeLinkProblem
{
    None,
    Malformed,
    Tampered,
    Expired,
}
