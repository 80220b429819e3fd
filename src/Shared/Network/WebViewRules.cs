using System.Net;

namespace Capsule.Network;

/// <summary>
/// Which pages a program's <c>&lt;web-view&gt;</c> may show: an https page whose origin is in the program's
/// request domain list (the list its <c>wx.request</c> calls are checked against); with no list (a development
/// project with <c>urlCheck</c> off) any https page.
/// </summary>
public static class WebViewRules
{
    /// <summary>The page to show, or why not, worded as the message the view shows in its place.</summary>
    public static (Uri? Page, ProxyFailure? Failure) Check(string? url, IReadOnlyCollection<string>? origins)
    {
        if (url is null || DomainRules.OriginOf(url) is not { } origin)
        {
            return (null, new ProxyFailure((int)HttpStatusCode.BadRequest, "invalid url"));
        }
        if (!origin.StartsWith("https://", StringComparison.Ordinal))
        {
            return (null, new ProxyFailure((int)HttpStatusCode.Forbidden, $"{origin} is not https"));
        }
        if (origins is not null && !DomainRules.Allows(origins, url))
        {
            return (null, new ProxyFailure((int)HttpStatusCode.Forbidden, $"{origin} is not in the program's domain list"));
        }
        return (new Uri(url), null);
    }
}

/// <summary>The page a <c>&lt;web-view&gt;</c> may show, as the check answers it.</summary>
public sealed record WebViewPage(string Url);
