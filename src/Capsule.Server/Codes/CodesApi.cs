using System.Text.RegularExpressions;
using Capsule.Platform.Accounts;
using Capsule.Platform.Codes;
using Capsule.Platform.Data;
using Capsule.Platform.MiniPrograms;
using Capsule.Platform.Registry;
using Capsule.Server.Versions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Server.Codes;

/// <summary>
/// What <c>POST /api/programs/{appId}/codes</c> draws, as WeChat's getwxacodeunlimit: a page (its home page when
/// empty) and a <paramref name="Scene"/> of at most 32 characters that the page receives as <c>query.scene</c>.
/// </summary>
public sealed record CodeRequest(string? Page, string? Scene, string? Format, bool Icon = false, int? ExpiresInDays = null);

/// <summary>What a scanned Capsule link opens: a program (<paramref name="AppId"/>, <paramref name="Path"/>) or a user.</summary>
public sealed record OpenedCode(string Kind, string? AppId, string? Name, string? Path, string? UserId, string? Nickname);

public sealed record OpenCodeRequest(string? Link);

/// <summary>
/// QR codes that hold signed Capsule links (<see cref="CodeLinks"/>): a program's team or its backend (appid and
/// appsecret) draw codes for any page; anyone signed in gets a released program's plain code and their own user
/// code; the app opens a scanned link through <c>/api/codes/open</c>. Outside the app, <c>/q/{token}</c> only says
/// to open it with Capsule.
/// </summary>
public static class CodesApi
{
    public const int MaxScene = 32;
    public const int MaxPage = 512;
    public const string LinkHeader = "Capsule-Link";
    public const string AppSecretHeader = "X-Capsule-AppSecret";

    /// <summary>How long a user's own code opens their profile.</summary>
    public static readonly TimeSpan UserCodeLifetime = TimeSpan.FromDays(30);

    // WeChat's rule for getwxacodeunlimit's scene: letters, digits and !#$&'()*+,/:;=?@-._~ only.
    private static readonly Regex s_scene = new(@"^[A-Za-z0-9!#$&'()*+,/:;=?@\-._~]{1,32}$", RegexOptions.CultureInvariant);
    private static readonly Regex s_page = new(@"^[A-Za-z0-9_\-]+(/[A-Za-z0-9_\-]+)*$", RegexOptions.CultureInvariant);

    public static IEndpointRouteBuilder MapCodesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/programs/{appId}/codes", CreateAsync).WithTags("Codes");
        var signedIn = routes.MapGroup("/api").WithTags("Codes").RequireAuthorization();
        signedIn.MapGet("/programs/{appId}/code", PlainCodeAsync);
        signedIn.MapGet("/codes/me", MyCodeAsync);
        signedIn.MapPost("/codes/open", OpenAsync);
        routes.MapGet($"{CodeLinks.LinkPath}{{token}}", OutsideTheApp).ExcludeFromDescription();
        return routes;
    }

    /// <summary>
    /// A code for any page of the program, for its team (signed in) or its backend (<c>X-Capsule-AppSecret</c>).
    /// The link it holds is in the <c>Capsule-Link</c> header.
    /// </summary>
    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> CreateAsync(
        string appId, CodeRequest request, HttpContext context, Team team, CapsuleDbContext db, CodeLinks links, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Scene is { } scene && !s_scene.IsMatch(scene))
        {
            errors["scene"] = [$"A scene is 1 to {MaxScene} characters: letters, digits and !#$&'()*+,/:;=?@-._~ (WeChat's rule)."];
        }
        if (request.Page is { Length: > 0 } page && (page.Length > MaxPage || !s_page.IsMatch(page)))
        {
            errors["page"] = ["A page is a path such as pages/index/index, without a leading slash or a query."];
        }
        if (request.ExpiresInDays is < 1 or > 365)
        {
            errors["expiresInDays"] = ["A code expires after 1 to 365 days, or never when this is left out."];
        }
        if (request.Format is not (null or "png" or "svg"))
        {
            errors["format"] = ["The format is png or svg."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        MiniProgram? program;
        if (context.Request.Headers[AppSecretHeader].FirstOrDefault() is { } secret)
        {
            program = AppId.IsValid(appId) ? await db.MiniPrograms.AsNoTracking().SingleOrDefaultAsync(p => p.AppId == appId, cancellationToken) : null;
            if (program?.AppSecretHash is null || !AppSecret.Matches(secret, program.AppSecretHash))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong appid or appsecret",
                    detail: "The appsecret does not match this appid. The program's owner can issue a new one.");
            }
        }
        else
        {
            if (context.User.Identity?.IsAuthenticated != true)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign in",
                    detail: $"Sign in as a member of the program's team, or send the appsecret in {AppSecretHeader}.");
            }
            (program, var refusal) = await team.AllowAsync(appId, context.User, TeamRole.Member, cancellationToken);
            if (program is null)
            {
                return refusal!;
            }
        }
        var path = (request.Page ?? "") + (request.Scene is null ? "" : $"?scene={Uri.EscapeDataString(request.Scene)}");
        var expires = request.ExpiresInDays is { } days ? time.GetUtcNow().AddDays(days) : (DateTimeOffset?)null;
        return Image(context, links, new CodeLink(CodeKind.Program, program.AppId, path, expires), request.Format, request.Icon ? program.Name : null);
    }

    /// <summary>A released program's plain code (its home page), for anyone signed in.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PlainCodeAsync(
        string appId, string? format, bool? icon, HttpContext context, CapsuleDbContext db, CodeLinks links, CancellationToken cancellationToken)
    {
        var program = AppId.IsValid(appId) ? await db.MiniPrograms.AsNoTracking().SingleOrDefaultAsync(p => p.AppId == appId, cancellationToken) : null;
        if (program?.ReleasedVersionId is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such mini program",
                detail: $"There is no released mini program with appid {appId}.");
        }
        if (format is not (null or "png" or "svg"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad format", detail: "The format is png or svg.");
        }
        return Image(context, links, new CodeLink(CodeKind.Program, program.AppId), format, icon == true ? program.Name : null);
    }

    /// <summary>The caller's own code, which opens "add contact" for whoever scans it in Capsule.</summary>
    private static Results<FileContentHttpResult, ProblemHttpResult> MyCodeAsync(
        string? format, HttpContext context, UserManager<CapsuleUser> users, CodeLinks links, TimeProvider time)
    {
        if (format is not (null or "png" or "svg"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad format", detail: "The format is png or svg.");
        }
        var link = new CodeLink(CodeKind.User, users.GetUserId(context.User)!, ExpiresAt: time.GetUtcNow().Add(UserCodeLifetime));
        return Image(context, links, link, format, null);
    }

    /// <summary>What a scanned link opens, or a clear refusal (not a Capsule code, changed, expired, program gone).</summary>
    private static async Task<Results<Ok<OpenedCode>, ProblemHttpResult>> OpenAsync(
        OpenCodeRequest request, CodeLinks links, CapsuleDbContext db, UserManager<CapsuleUser> users, CancellationToken cancellationToken)
    {
        var token = TokenOf(request.Link ?? "");
        var (link, problem) = token is null ? (null, CodeLinkProblem.Malformed) : links.Read(token);
        if (link is null)
        {
            return TypedResults.Problem(statusCode: problem == CodeLinkProblem.Expired ? StatusCodes.Status410Gone : StatusCodes.Status400BadRequest,
                title: problem == CodeLinkProblem.Expired ? "Expired code" : "Not a valid Capsule code", detail: CodeLinks.Describe(problem));
        }
        if (link.Kind == CodeKind.User)
        {
            var person = await users.FindByIdAsync(link.Target);
            return person is null
                ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such user", detail: "The person this code belongs to is no longer on Capsule.")
                : TypedResults.Ok(new OpenedCode("user", null, null, null, person.Id, person.Nickname));
        }
        var program = await db.MiniPrograms.AsNoTracking().SingleOrDefaultAsync(p => p.AppId == link.Target, cancellationToken);
        return program is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such mini program", detail: "The mini program this code opens no longer exists.")
            : TypedResults.Ok(new OpenedCode("program", program.AppId, program.Name, link.Path, null, null));
    }

    /// <summary>The token of a Capsule link (<c>…/q/{token}</c>), or null for any other text.</summary>
    internal static string? TokenOf(string link)
    {
        if (!Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || !uri.AbsolutePath.StartsWith(CodeLinks.LinkPath, StringComparison.Ordinal))
        {
            return null;
        }
        var token = Uri.UnescapeDataString(uri.AbsolutePath[CodeLinks.LinkPath.Length..]);
        return token.Length > 0 ? token : null;
    }

    private static FileContentHttpResult Image(HttpContext context, CodeLinks links, CodeLink link, string? format, string? iconName)
    {
        var url = CodeLinks.Url($"{context.Request.Scheme}://{context.Request.Host}", links.Sign(link));
        context.Response.Headers[LinkHeader] = url;
        context.Response.Headers.CacheControl = "private, no-store";
        return format == "svg"
            ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(QrImages.Svg(url, iconName is null ? null : QrImages.Monogram(iconName))), "image/svg+xml")
            : TypedResults.File(QrImages.Png(url), "image/png");
    }

    /// <summary>
    /// A Capsule link opened by a browser or another scanner: the same static page for every token, so nothing of the
    /// program (or person) is shown or run outside the app.
    /// </summary>
    private static ContentHttpResult OutsideTheApp(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.Content(OutsidePage, "text/html; charset=utf-8");
    }

    private const string OutsidePage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Open this with Capsule</title>
        <style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;text-align:center;color:#222}h1{font-size:1.4rem}</style>
        </head><body><h1>Open this with Capsule</h1>
        <p>This code opens a mini program or a profile in Capsule. Scan it with the scanner in the Capsule app (Discover → Scan).</p>
        <p lang="zh">请使用 Capsule 扫一扫打开。</p></body></html>
        """;
}
