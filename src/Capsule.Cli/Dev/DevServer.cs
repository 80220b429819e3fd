using System.Text.Json.Nodes;
using Capsule.Compiler.Diagnostics;
using Capsule.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Capsule.Cli.Dev;

/// <summary>
/// The simulator server of <c>capsule dev</c>: the client's simulator page at <c>/</c>, the runtime
/// container, and the project compiled on demand under <c>/dev/</c>.
/// </summary>
internal static class DevServer
{
    public static string ClientFolder => Path.Combine(AppContext.BaseDirectory, "client");

    public static WebApplication Build(DevProject project, int port, DevNetwork network)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, WebRootPath = ClientFolder });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddProblemDetails();
        var app = builder.Build();

        app.UseDefaultFiles(new DefaultFilesOptions { DefaultFileNames = ["simulator.html"] });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(ClientFolder),
            OnPrepareResponse = context => ClientSecurityPolicy.Apply(context.Context, context.File.Name),
        });

        app.MapGet("/dev/version", () => Results.Text(project.Version()));
        app.MapGet("/dev/program", (HttpContext context) =>
        {
            // Always the project as it is now: hot reload and restarts fetch it again.
            context.Response.Headers.CacheControl = "no-store";
            var (result, version) = project.Current();
            if (result.Bundle is not { } bundle)
            {
                var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString());
                return Results.Problem(title: "The project does not compile", detail: string.Join('\n', errors), statusCode: StatusCodes.Status422UnprocessableEntity);
            }
            var manifest = JsonNode.Parse(bundle.ManifestFile.Content);
            return Results.Json(new JsonObject
            {
                ["appId"] = project.AppId,
                ["baseUrl"] = "/dev/bundle/",
                ["version"] = version,
                ["manifest"] = manifest,
            });
        });
        app.MapGet("/dev/bundle/{name}", (string name, HttpContext context) =>
        {
            if (project.FileNamed(name) is not { } file)
            {
                return Results.Problem(title: "No such bundle file", statusCode: StatusCodes.Status404NotFound);
            }
            // Named by the hash of their content, as on the platform: a name never means other bytes.
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            context.Response.Headers.ContentSecurityPolicy = ClientSecurityPolicy.BundleFile;
            context.Response.Headers.AccessControlAllowOrigin = "*";
            return Results.Bytes(file.Content, file.ContentType.StartsWith("text/", StringComparison.Ordinal) ? file.ContentType + "; charset=utf-8" : file.ContentType);
        });
        app.UseWebSockets();
        network.Map(app, project);
        new DevIdentity().Map(app, project);
        new DevPayments().Map(app, project);
        return app;
    }

}
