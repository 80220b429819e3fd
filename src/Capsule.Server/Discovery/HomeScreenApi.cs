using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Capsule.Platform.Codes;
using Capsule.Platform.Data;

namespace Capsule.Server.Discovery;

public sealed record ManifestIcon(string Src, string Sizes, string? Type, string Purpose);

/// <summary>A web app manifest (the members browsers read; written in snake_case as the format spells them).</summary>
public sealed record HomeScreenManifest(
    string Id, string Name, string ShortName, string Description, string StartUrl, string Scope, string Display, string BackgroundColor, string ThemeColor,
    ManifestIcon[] Icons);

/// <summary>
/// Add to Home Screen: each released program has its own web app manifest, whose <c>start_url</c> opens the shell
/// straight into the program with scene 1023, and a page (<c>/home/{appId}</c>) that links that manifest, so the
/// browser offers to install it there.
/// </summary>
public static class HomeScreenApi
{
    public const int HomeScreenScene = 1023;

    public static IEndpointRouteBuilder MapHomeScreenApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/programs/{appId}/home-screen.webmanifest", ManifestAsync).WithTags("Discover");
        routes.MapGet("/api/programs/{appId}/icon.svg", IconAsync).WithTags("Discover");
        routes.MapGet("/home/{appId}", PageAsync).ExcludeFromDescription();
        return routes;
    }

    public static string StartUrl(string appId) => $"/#/mp/{appId}?scene={HomeScreenScene}";

    private static async Task<IResult> ManifestAsync(string appId, CapsuleDbContext db, CancellationToken cancellationToken)
    {
        var program = await DiscoveryApi.ReleasedAsync(db, appId, cancellationToken);
        if (program is null)
        {
            return DiscoveryApi.NoSuchProgram(appId);
        }
        var icons = new List<ManifestIcon> { new($"/api/programs/{program.AppId}/icon.svg", "any", "image/svg+xml", "any") };
        if (program.IconUrl is { Length: > 0 } iconUrl)
        {
            icons.Insert(0, new ManifestIcon(iconUrl, "any", null, "any"));
        }
        var manifest = new HomeScreenManifest($"/mp/{program.AppId}", program.Name, program.Name, program.Description, StartUrl(program.AppId), "/",
            "standalone", "#ffffff", "#07c160", [.. icons]);
        return Results.Json(manifest, s_manifestJson, "application/manifest+json");
    }

    private static async Task<IResult> IconAsync(string appId, HttpResponse response, CapsuleDbContext db, CancellationToken cancellationToken)
    {
        var program = await DiscoveryApi.ReleasedAsync(db, appId, cancellationToken);
        if (program is null)
        {
            return DiscoveryApi.NoSuchProgram(appId);
        }
        response.Headers.CacheControl = "public, max-age=3600";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        return Results.Text(QrImages.Monogram(program.Name), "image/svg+xml", Encoding.UTF8);
    }

    /// <summary>The page that carries the program's manifest: install it (the browser's prompt, or how to), or open it now.</summary>
    private static async Task<IResult> PageAsync(string appId, HttpResponse response, CapsuleDbContext db, CancellationToken cancellationToken)
    {
        var program = await DiscoveryApi.ReleasedAsync(db, appId, cancellationToken);
        if (program is null)
        {
            return DiscoveryApi.NoSuchProgram(appId);
        }
        var html = HtmlEncoder.Default;
        response.Headers.ContentSecurityPolicy = $"default-src 'self'; script-src '{s_scriptHash}'; style-src 'unsafe-inline'; img-src 'self'";
        var page = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{html.Encode(program.Name)}}</title>
            <link rel="manifest" href="/api/programs/{{program.AppId}}/home-screen.webmanifest">
            <link rel="icon" href="/api/programs/{{program.AppId}}/icon.svg" type="image/svg+xml">
            <meta name="theme-color" content="#07c160">
            <style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;text-align:center}img{width:96px;height:96px}
            button,a.open{display:inline-block;margin:.5rem;padding:.6rem 1.2rem;border-radius:6px;border:0;background:#07c160;color:#fff;font-size:1rem;text-decoration:none}</style>
            </head><body>
            <img src="/api/programs/{{program.AppId}}/icon.svg" alt="">
            <h1>{{html.Encode(program.Name)}}</h1>
            <p id="how">To add it to your home screen, use your browser's menu: <b>Install app</b> or <b>Add to Home Screen</b> (on iPhone: Share, then Add to Home Screen).</p>
            <p><button id="install" hidden>Install</button> <a class="open" href="{{StartUrl(program.AppId)}}">Open</a></p>
            <script>{{InstallScript}}</script>
            </body></html>
            """;
        return Results.Content(page, "text/html; charset=utf-8");
    }

    /// <summary>Shows the Install button when the browser offers its install prompt.</summary>
    private const string InstallScript =
        "addEventListener('beforeinstallprompt',function(e){e.preventDefault();var b=document.getElementById('install');b.hidden=false;b.onclick=function(){e.prompt();};});";

    private static readonly string s_scriptHash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(InstallScript)));

    private static readonly System.Text.Json.JsonSerializerOptions s_manifestJson = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault,
    };
}
