namespace Capsule.Network;

/// <summary>Which of a program's server domain lists a call is checked against, as in WeChat's settings.</summary>
public enum DomainKind
{
    Request,
    UploadFile,
    DownloadFile,
}

/// <summary>
/// WeChat's "server domain" rules: an entry is an HTTPS origin with a domain name (no IP address, no
/// localhost, no path) and an optional port. A URL matches an entry when its scheme and host are the
/// same and it names the same port, or names none when the entry has none (not even :443).
/// </summary>
public static class DomainRules
{
    public const int MaxEntries = 20;

    /// <summary>The entry as stored (<c>https://host</c> or <c>https://host:port</c>, lower case), or why it is not one.</summary>
    public static (string? Origin, string? Error) Normalize(string entry)
    {
        var trimmed = entry.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return (null, $"\"{entry}\" is not an https:// address.");
        }
        if (uri.HostNameType != UriHostNameType.Dns || uri.Host == "localhost" || !uri.Host.Contains('.', StringComparison.Ordinal))
        {
            return (null, $"\"{entry}\" must name a domain (not an IP address or localhost).");
        }
        if (uri.UserInfo.Length > 0 || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || trimmed.TrimEnd('/').Length < trimmed.Length - 1)
        {
            return (null, $"\"{entry}\" must be only a scheme, a domain and an optional port.");
        }
        return (Origin(uri, trimmed), null);
    }

    /// <summary>The origin a URL is checked by, or null when it is not an absolute http(s) URL.</summary>
    public static string? OriginOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.UserInfo.Length == 0
            ? Origin(uri, url)
            : null;

    /// <summary>Whether the URL may be called under a list of normalized origins.</summary>
    public static bool Allows(IEnumerable<string> origins, string url) =>
        OriginOf(url) is { } origin && origin.StartsWith("https://", StringComparison.Ordinal) && origins.Contains(origin, StringComparer.Ordinal);

    /// <summary>Scheme, lower-case host and the port only when the text names one.</summary>
    private static string Origin(Uri uri, string text)
    {
        var authority = text[(text.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var end = authority.IndexOfAny(['/', '?', '#']);
        authority = end < 0 ? authority : authority[..end];
        var explicitPort = uri.HostNameType != UriHostNameType.IPv6 ? authority.Contains(':', StringComparison.Ordinal) : authority.Contains("]:", StringComparison.Ordinal);
        return explicitPort ? $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}:{uri.Port}" : $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}";
    }
}
