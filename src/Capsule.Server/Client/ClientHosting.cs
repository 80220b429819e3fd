using Capsule.Hosting;

namespace Capsule.Server.Client;

/// <summary>
/// Serves the built web client (shell and runtime container) from wwwroot, each document with its own
/// Content-Security-Policy. The container document runs untrusted code, so it gets no network at all and
/// must be framed with <c>sandbox="allow-scripts"</c> (an opaque origin).
/// </summary>
public static class ClientHosting
{
    public const string ContainerDocument = ClientSecurityPolicy.ContainerDocument;

    public static WebApplication UseCapsuleClient(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => ClientSecurityPolicy.Apply(context.Context, context.File.Name),
        });
        return app;
    }
}
