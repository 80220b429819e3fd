using Microsoft.Extensions.FileProviders;

namespace Capsule.Server.Client;

/// <summary>
/// Serves the built web client (shell and runtime container) from wwwroot, each document with its own
/// Content-Security-Policy. The container document runs untrusted code, so it gets no network at all and
/// must be framed with <c>sandbox="allow-scripts"</c> (an opaque origin).
/// </summary>
public static class ClientHosting
{
    public const string ContainerDocument = "/container.html";

    public static WebApplication UseCapsuleClient(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => Secure(context.Context, context.File),
        });
        return app;
    }

    private static void Secure(HttpContext context, IFileInfo file)
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
        if (!file.Name.EndsWith(".html", StringComparison.Ordinal))
        {
            return;
        }
        headers.CacheControl = "no-cache";
        headers.XFrameOptions = path == ContainerDocument ? null : "SAMEORIGIN";
        headers.ContentSecurityPolicy = path == ContainerDocument ? ContainerPolicy(context.Request) : ShellPolicy;
    }

    private const string ShellPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "frame-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>
    /// The container may load its own runtime from the server, and scripts, workers and images made from
    /// blobs; it may not connect anywhere. Workers it creates from blobs inherit this policy.
    /// </summary>
    private static string ContainerPolicy(HttpRequest request)
    {
        var origin = $"{request.Scheme}://{request.Host}";
        return $"default-src 'none'; script-src {origin} blob:; worker-src blob:; style-src {origin} 'unsafe-inline'; " +
               $"img-src {origin} data: blob:; font-src {origin} data:; media-src {origin} blob:; connect-src 'none'; " +
               "object-src 'none'; base-uri 'none'; form-action 'none'";
    }
}
