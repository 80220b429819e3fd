using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Capsule.Platform.Contacts;

/// <summary>
/// A Capsule ID (WeChat ID): a short public id people are added by. 3 to 20 characters, a letter first, then letters,
/// digits, <c>_</c> or <c>-</c>; unique regardless of case.
/// </summary>
public static partial class Handle
{
    public const int MaxLength = 20;

    public const string Rule = "A Capsule ID has 3 to 20 characters: a letter first, then letters, digits, _ or -.";

    public static bool IsValid(string? handle) => handle is not null && Pattern().IsMatch(handle);

    /// <summary>The form compared for uniqueness.</summary>
    public static string Normalize(string handle) => handle.ToUpperInvariant();

    /// <summary>A random default given at sign-up (<c>c_</c> and 10 letters or digits), until the person picks their own.</summary>
    public static string NewDefault() => "c_" + RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz23456789", 10);

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9_-]{2,19}$")]
    private static partial Regex Pattern();
}
