using System.Security.Claims;
using System.Text.Json.Nodes;
using Capsule.Platform;
using Capsule.Platform.Accounts;
using Capsule.Platform.Analytics;
using Capsule.Platform.Bundles;
using Capsule.Platform.Data;
using Capsule.Platform.Discovery;
using Capsule.Platform.MiniPrograms;
using Capsule.Platform.Versions;
using Capsule.Server.Bundles;
using Capsule.Server.Versions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Capsule.Server.MiniPrograms;

/// <summary>What the runtime needs to start a program: who it is and the manifest of the bundle to run.</summary>
public sealed record LaunchInfo(string AppId, string Name, string Version, string State, LaunchBundle Bundle);

/// <param name="Id">The bundle id (its manifest's content hash).</param>
/// <param name="BaseUrl">Where the files named in the manifest are served.</param>
/// <param name="Manifest">The bundle manifest.</param>
public sealed record LaunchBundle(string Id, string BaseUrl, JsonNode Manifest);

/// <summary>A mini program as listed: enough to show a card and open it.</summary>
public sealed record ProgramSummary(string AppId, string Name, string Description);

public static class LaunchApi
{
    /// <summary>The scene of a launch that does not say where it came from: 1001, the Discover entry.</summary>
    public const int DefaultScene = 1001;

    public const int MaxPath = 1024;

    public static IEndpointRouteBuilder MapLaunchApi(this IEndpointRouteBuilder routes)
    {
        var programs = routes.MapGroup("/api/programs").WithTags("Programs");
        programs.MapGet("/{appId}/launch", LaunchAsync);
        programs.MapGet("/demo", ListDemoAsync);
        return routes;
    }

    /// <summary>The demo programs published from the samples folder, by name.</summary>
    private static async Task<Ok<ProgramSummary[]>> ListDemoAsync(CapsuleDbContext db, CancellationToken cancellationToken)
    {
        var demos = await db.MiniPrograms.AsNoTracking()
            .Where(p => p.IsDemo && p.ReleasedVersionId != null)
            .OrderBy(p => p.Name)
            .Select(p => new ProgramSummary(p.AppId, p.Name, p.Description))
            .ToArrayAsync(cancellationToken);
        return TypedResults.Ok(demos);
    }

    /// <summary>
    /// The bundle this caller should run: the release (or, for users inside a phased release's percentage, the
    /// phased version), or for the program's team <c>?version=trial</c> / <c>?version=develop</c>. A shell older than
    /// the platform minimum (sent as <c>X-Capsule-Client</c> or <c>?client=</c>) is told to update.
    /// </summary>
    private static async Task<Results<Ok<LaunchInfo>, ProblemHttpResult>> LaunchAsync(
        string appId, string? version, string? client, string? path, int? scene, HttpRequest request, ClaimsPrincipal user,
        UserManager<CapsuleUser> users, CapsuleDbContext db, BundleStore bundles, Team team, ProgramShelf shelf, IOptions<CapsuleOptions> options,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (scene is < 1000 or > 1999 || path?.Length > MaxPath)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad launch",
                detail: $"scene is a WeChat scene value from 1000 to 1999 and path at most {MaxPath} characters.");
        }
        var reported = client ?? request.Headers["X-Capsule-Client"].FirstOrDefault();
        if (reported is not null && (!Version.TryParse(reported, out var clientVersion) || clientVersion < options.Value.MinimumClientVersion))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status426UpgradeRequired, title: "Please update Capsule",
                detail: $"Mini programs need Capsule {options.Value.MinimumClientVersion} or later; this is {reported}. Please update to continue.");
        }
        if (!AppId.IsValid(appId))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not an appid",
                detail: $"\"{appId}\" is not an appid: an appid is wx followed by 16 hex digits.");
        }
        var program = await db.MiniPrograms.AsNoTracking().SingleOrDefaultAsync(p => p.AppId == appId, cancellationToken);
        if (program is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such mini program",
                detail: $"There is no mini program with appid {appId}.");
        }
        ProgramVersion? chosen;
        if (version is "trial" or "develop")
        {
            var (_, refusal) = await team.AllowAsync(appId, user, TeamRole.Member, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }
            var versions = db.ProgramVersions.AsNoTracking().Where(v => v.MiniProgramId == program.Id);
            chosen = version == "trial"
                ? await versions.SingleOrDefaultAsync(v => v.State == VersionState.Trial, cancellationToken)
                : await versions.OrderByDescending(v => v.Id).FirstOrDefaultAsync(cancellationToken);
        }
        else
        {
            var userId = users.GetUserId(user);
            var versionId = program.PhasedVersionId is { } phased && userId is not null && VersionLifecycle.InPhase(appId, userId, program.PhasedPercentage)
                ? phased
                : program.ReleasedVersionId;
            chosen = versionId is null ? null : await db.ProgramVersions.AsNoTracking().SingleAsync(v => v.Id == versionId, cancellationToken);
        }
        if (chosen is null || bundles.Find(chosen.BundleId + ".json") is not { } manifestPath)
        {
            var what = version is "trial" or "develop" ? $"no {version} version" : "no released version yet";
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing to open", detail: $"{program.Name} has {what}.");
        }
        var baseLibrary = request.Headers["X-Capsule-Base-Library"].FirstOrDefault();
        if (chosen.MinBaseLibrary is { } needed && baseLibrary is not null
            && (!Version.TryParse(baseLibrary, out var have) || have < Version.Parse(needed)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status426UpgradeRequired, title: "Please update Capsule",
                detail: $"{program.Name} needs base library {needed} or later; this Capsule has {baseLibrary}. Please update to open it.");
        }
        var visitor = users.GetUserId(user);
        if (visitor is not null)
        {
            await shelf.RecordLaunchAsync(visitor, program.Id, cancellationToken);
        }
        db.Visits.Add(new Visit
        {
            MiniProgramId = program.Id,
            VersionId = chosen.Id,
            UserId = visitor,
            Path = path ?? "",
            Scene = scene ?? DefaultScene,
            At = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath, cancellationToken))!;
        return TypedResults.Ok(new LaunchInfo(program.AppId, program.Name, chosen.Number, chosen.State.ToString(), new LaunchBundle(chosen.BundleId, BundleApi.BaseUrl, manifest)));
    }
}
