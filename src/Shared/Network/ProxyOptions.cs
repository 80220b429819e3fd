using System.ComponentModel.DataAnnotations;

namespace Capsule.Network;

/// <summary>The <c>Capsule:Proxy</c> configuration section: limits of the proxy that carries programs' network calls.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Capsule:Proxy";

    /// <summary>Largest request body (a request's data, an uploaded file) in bytes.</summary>
    [Range(1, 100 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest response body (a request's answer, a downloaded file) in bytes.</summary>
    [Range(1, 100 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The longest a call may take; a program's own <c>timeout</c> can only shorten it (WeChat's default is 60 s).</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Lets the proxy reach loopback addresses. Off by default; for tests with a local upstream only.</summary>
    public bool AllowLoopback { get; set; }
}
