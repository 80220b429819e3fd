using System.Text.Json.Nodes;
using Capsule.Platform.Bundles;
using Capsule.Platform.Data;
using Capsule.Platform.MiniPrograms;
using Capsule.Server.Bundles;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Server.MiniPrograms;

/// <summary>What the runtime needs to start a program: who it is and the manifest of the bundle to run.</summary>
public sealed record LaunchInfo(string AppId, string Name, LaunchBundle Bundle);

/// <param name="Id">The bundle id (its manifest's content hash).</param>
/// <param name="BaseUrl">Where the files named in the manifest are served.</param>
/// <param name="Manifest">The bundle manifest.</param>
public sealed record LaunchBundle(string Id, string BaseUrl, JsonNode Manifest);

/// <summary>A mini program as listed: enough to show a card and open it.</summary>
public sealed record ProgramSummary(string AppId, string Name, string Description);

public static class LaunchApi
{
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

    private static async Task<Results<Ok<LaunchInfo>, ProblemHttpResult>> LaunchAsync(
        string appId, CapsuleDbContext db, BundleStore bundles, CancellationToken cancellationToken)
    {
        if (!AppId.IsValid(appId))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not an appid",
                detail: $"\"{appId}\" is not an appid: an appid is wx followed by 16 hex digits.");
        }
        var program = await db.MiniPrograms.AsNoTracking()
            .Where(p => p.AppId == appId)
            .Select(p => new { p.AppId, p.Name, BundleId = p.ReleasedVersion == null ? null : p.ReleasedVersion.BundleId })
            .SingleOrDefaultAsync(cancellationToken);
        if (program is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such mini program",
                detail: $"There is no mini program with appid {appId}.");
        }
        if (program.BundleId is null || bundles.Find(program.BundleId + ".json") is not { } manifestPath)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not released",
                detail: $"{program.Name} has no released version yet.");
        }
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath, cancellationToken))!;
        return TypedResults.Ok(new LaunchInfo(program.AppId, program.Name, new LaunchBundle(program.BundleId, BundleApi.BaseUrl, manifest)));
    }
}
