namespace Capsule.Network;

/// <summary>Which of a program's server domain lists a call is checked against, as in WeChat's settings.</summary>
public enum DomainKind
{
    Request,
    UploadFile,
    DownloadFile,

    /// <summary>WeChat's "socket 合法域名": the <c>wss://</c> origins <c>wx.connectSocket</c> may open.</summary>
    Socket,
}

/// <summary>
/// WeChat's "server domain" rules: an entry is an HTTPS origin (a <c>wss://</c> one in the socket list) with a
/// domain name (no IP address, no localhost, no path) and an optional port. A URL matches an entry when its
/// scheme and host are the same and it names the same port, or names none when the entry has none (not even :443).
/// </summary>
public static class DomainRules
{
    public const int MaxEntries = 20;

    /// <summary>The scheme of a list's entries: <c>wss</c> for sockets, <c>https</c> for the others.</summary>
    public static string SchemeOf(DomainKind kind) => kind == DomainKind.Socket ? Uri.UriSchemeWss : Uri.UriSchemeHttps;

    /// <summary>
    /// The entry as stored (<c>https://host</c> or <c>https://host:port</c>, lower case; <c>wss://</c> for the socket
    /// list), or why it is not one. With no kind, an entry of either scheme (as <c>capsule dev --domain</c> takes).
    /// </summary>
    public static (string? Origin, string? Error) Normalize(string entry, DomainKind? kind = null)
    {
        var trimmed = entry.Trim();
        var schemes = kind is { } k ? [SchemeOf(k)] : new[] { Uri.UriSchemeHttps, Uri.UriSchemeWss };
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme))
        {
            return (null, $"\"{entry}\" is not {(schemes[0] == Uri.UriSchemeWss ? "a" : "an")} {string.Join(" or ", schemes.Select(s => s + "://"))} address.");
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

    /// <summary>
    /// The origin a URL is checked by, or null when it is not an absolute URL of the kind: http(s) for the HTTP calls,
    /// ws(s) for sockets. With no kind, either.
    /// </summary>
    public static string? OriginOf(string url, DomainKind? kind = null)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0)
        {
            return null;
        }
        var socket = uri.Scheme == Uri.UriSchemeWss || uri.Scheme == Uri.UriSchemeWs;
        var http = uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp;
        var fits = kind switch
        {
            null => socket || http,
            DomainKind.Socket => socket,
            _ => http,
        };
        return fits ? Origin(uri, url) : null;
    }

    /// <summary>Whether the URL may be called under a list of normalized origins: a secure one (https, wss) that the list names.</summary>
    public static bool Allows(IEnumerable<string> origins, string url) =>
        OriginOf(url) is { } origin
        && (origin.StartsWith("https://", StringComparison.Ordinal) || origin.StartsWith("wss://", StringComparison.Ordinal))
        && origins.Contains(origin, StringComparer.Ordinal);

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
