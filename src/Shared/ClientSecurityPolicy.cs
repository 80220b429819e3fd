namespace Capsule.Hosting;

/// <summary>
/// The Content-Security-Policy of the client's documents, shared by the server and <c>capsule dev</c>.
/// The container document runs untrusted code, so it gets no network at all and must be framed with
/// <c>sandbox="allow-scripts"</c> (an opaque origin).
/// </summary>
internal static class ClientSecurityPolicy
{
    public const string ContainerDocument = "/container.html";

    /// <summary>
    /// Bundle files are program content: opened directly (an uploaded SVG, say), they may run nothing and
    /// load nothing. Loading them as images, styles or fetched text is unaffected.
    /// </summary>
    public const string BundleFile = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    public const string Shell =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "frame-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>
    /// The container may load its own runtime from the server, and scripts, workers and images made from
    /// blobs; it may not connect anywhere. Workers it creates from blobs inherit this policy. Images and
    /// media may come from any HTTPS address, as WeChat's image and video components allow. Frames may show
    /// HTTPS pages: the web-view component, which asks the host first whether the program may show the page,
    /// and which inherits the container's sandbox (no same-origin access, no forms, no pop-ups).
    /// </summary>
    public static string Container(string origin) =>
        $"default-src 'none'; script-src {origin} blob:; worker-src blob:; style-src {origin} 'unsafe-inline'; " +
        $"img-src {origin} https: data: blob:; font-src {origin} data:; media-src {origin} https: blob:; frame-src https:; connect-src 'none'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>
    /// The headers of a client file: hashed assets are immutable and loadable by the opaque-origin
    /// container; documents are revalidated and carry their Content-Security-Policy.
    /// </summary>
    public static void Apply(Microsoft.AspNetCore.Http.HttpContext context, string fileName)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith("/assets/", StringComparison.Ordinal))
        {
            headers.CacheControl = "public, max-age=31536000, immutable";
            headers.AccessControlAllowOrigin = "*";
            return;
        }
        if (!fileName.EndsWith(".html", StringComparison.Ordinal))
        {
            return;
        }
        headers.CacheControl = "no-cache";
        headers.XFrameOptions = path == ContainerDocument ? null : "SAMEORIGIN";
        headers.ContentSecurityPolicy = path == ContainerDocument ? Container($"{context.Request.Scheme}://{context.Request.Host}") : Shell;
    }
}
