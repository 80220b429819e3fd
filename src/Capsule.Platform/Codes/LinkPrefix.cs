using Capsule.Network;

namespace Capsule.Platform.Codes;

/// <summary>
/// An address split the way WeChat's "scan ordinary link QR codes" rules compare it: the origin (scheme, lower-case
/// host, the port only when written), the path as written (<c>/</c> when empty) and the query as written (null when
/// there is none). The fragment never takes part.
/// </summary>
public sealed record LinkPrefix(string Origin, string Path, string? Query)
{
    /// <summary>The longest rule prefix accepted.</summary>
    public const int MaxLength = 512;

    /// <summary>The rule as stored and shown: origin, path and, when there is one, <c>?</c> and the query.</summary>
    public string Text => Query is null ? $"{Origin}{Path}" : $"{Origin}{Path}?{Query}";

    /// <summary>
    /// WeChat's matching rules: the same scheme and domain; the link's path is the rule's path, or lies under it
    /// when the rule's path ends with <c>/</c>; when the rule has a query, the link's query starts with it.
    /// </summary>
    public bool Matches(LinkPrefix link) =>
        link.Origin == Origin
        && (Path.EndsWith('/') ? link.Path.StartsWith(Path, StringComparison.Ordinal) : link.Path == Path)
        && (Query is null || (link.Query?.StartsWith(Query, StringComparison.Ordinal) ?? false));

    /// <summary>A scanned text as an address to match, or null when it is not an absolute http(s) address.</summary>
    public static LinkPrefix? Of(string text)
    {
        var trimmed = text.Trim();
        var hash = trimmed.IndexOf('#', StringComparison.Ordinal);
        return Split(hash < 0 ? trimmed : trimmed[..hash]);
    }

    /// <summary>A rule prefix as a team enters it, or why it cannot be one.</summary>
    public static (LinkPrefix? Prefix, string? Error) Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxLength)
        {
            return (null, $"A link rule is an https:// address of at most {MaxLength} characters, such as https://shop.example.com/p/.");
        }
        if (!trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || Split(trimmed) is not { } prefix
            || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.HostNameType != UriHostNameType.Dns)
        {
            return (null, $"\"{text}\" is not an https:// address with a domain name.");
        }
        if (uri.UserInfo.Length > 0 || trimmed.Contains('#', StringComparison.Ordinal))
        {
            return (null, $"\"{text}\" must not hold a user name or a #fragment.");
        }
        return (prefix, null);
    }

    private static LinkPrefix? Split(string text)
    {
        if (DomainRules.OriginOf(text) is not { } origin)
        {
            return null;
        }
        var rest = text[(text.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var start = rest.IndexOfAny(['/', '?']);
        rest = start < 0 ? "" : rest[start..];
        var mark = rest.IndexOf('?', StringComparison.Ordinal);
        var path = mark < 0 ? rest : rest[..mark];
        var query = mark < 0 || mark == rest.Length - 1 ? null : rest[(mark + 1)..];
        return new LinkPrefix(origin, path.Length == 0 ? "/" : path, query);
    }
}
