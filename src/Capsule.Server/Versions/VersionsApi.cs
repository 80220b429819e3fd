using System.Security.Claims;
using Capsule.Platform.Accounts;
using Capsule.Platform.MiniPrograms;
using Capsule.Platform.Versions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Capsule.Server.Versions;

public sealed record VersionInfo(long Id, string Number, string Notes, string State, string BundleId, DateTime CreatedAt, string? ReviewNote = null)
{
    public static VersionInfo Of(ProgramVersion version) =>
        new(version.Id, version.Number, version.Notes, version.State.ToString(), version.BundleId, version.CreatedAt, version.ReviewNote);
}

public sealed record ReleaseRequest(int? Percentage);

/// <summary>
/// Versions of a program: <c>POST /api/programs/{appId}/versions?version=1.0.0&amp;notes=…</c> with a zip of the
/// project as the body (<c>application/zip</c>) compiles a development version; then trial, submit for review,
/// release (whole or phased) and rollback. Developers (owner and developer members) upload, mark trial and submit;
/// only the owner releases and rolls back.
/// </summary>
public static class VersionsApi
{
    public static IEndpointRouteBuilder MapVersionsApi(this IEndpointRouteBuilder routes)
    {
        var versions = routes.MapGroup("/api/programs/{appId}").WithTags("Versions").RequireAuthorization();
        versions.MapPost("/versions", UploadAsync);
        versions.MapGet("/versions", ListAsync);
        versions.MapPost("/versions/{id:long}/trial", (string appId, long id, ClaimsPrincipal user, Team team, VersionLifecycle lifecycle, CancellationToken ct) =>
            StepAsync(appId, id, user, team, TeamRole.Developer, (program, version) => lifecycle.MarkTrialAsync(program, version, ct), ct));
        versions.MapPost("/versions/{id:long}/submit", (string appId, long id, ClaimsPrincipal user, Team team, VersionLifecycle lifecycle, CancellationToken ct) =>
            StepAsync(appId, id, user, team, TeamRole.Developer, (_, version) => lifecycle.SubmitAsync(version, ct), ct));
        versions.MapPost("/versions/{id:long}/release", (string appId, long id, ReleaseRequest? request, ClaimsPrincipal user, Team team, VersionLifecycle lifecycle, CancellationToken ct) =>
            StepAsync(appId, id, user, team, TeamRole.Owner, (program, version) => lifecycle.ReleaseAsync(program, version, request?.Percentage ?? 100, ct), ct));
        versions.MapPost("/rollback", RollbackAsync);
        return routes;
    }

    private static async Task<Results<Ok<VersionInfo[]>, ProblemHttpResult>> ListAsync(
        string appId, ClaimsPrincipal user, Team team, VersionLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var (program, refusal) = await team.AllowAsync(appId, user, TeamRole.Member, cancellationToken);
        if (program is null)
        {
            return refusal!;
        }
        return TypedResults.Ok((await lifecycle.ListAsync(program, cancellationToken)).Select(VersionInfo.Of).ToArray());
    }

    private static async Task<Results<Ok<VersionInfo>, ProblemHttpResult>> StepAsync(
        string appId, long id, ClaimsPrincipal user, Team team, TeamRole role,
        Func<MiniProgram, ProgramVersion, Task<LifecycleRefusal?>> step, CancellationToken cancellationToken)
    {
        var (program, refusal) = await team.AllowAsync(appId, user, role, cancellationToken);
        if (program is null)
        {
            return refusal!;
        }
        if (await team.Lifecycle.FindAsync(program, id, cancellationToken) is not { } version)
        {
            return Problem(StatusCodes.Status404NotFound, "No such version", $"{program.Name} has no version {id}.");
        }
        if (await step(program, version) is { } refused)
        {
            return Problem(refused.Status, "Not possible now", refused.Reason);
        }
        return TypedResults.Ok(VersionInfo.Of(version));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RollbackAsync(
        string appId, ClaimsPrincipal user, Team team, CancellationToken cancellationToken)
    {
        var (program, refusal) = await team.AllowAsync(appId, user, TeamRole.Owner, cancellationToken);
        if (program is null)
        {
            return refusal!;
        }
        return await team.Lifecycle.RollbackAsync(program, cancellationToken) is { } refused
            ? Problem(refused.Status, "Not possible now", refused.Reason)
            : TypedResults.NoContent();
    }

    private static async Task<Results<Created<VersionInfo>, ProblemHttpResult>> UploadAsync(
        string appId, string? version, string? notes, HttpRequest request, ClaimsPrincipal user, UserManager<CapsuleUser> users,
        Team team, VersionUploads uploads, IOptions<UploadLimits> limits, CancellationToken cancellationToken)
    {
        var (program, refusal) = await team.AllowAsync(appId, user, TeamRole.Developer, cancellationToken);
        if (program is null)
        {
            return refusal!;
        }
        var userId = users.GetUserId(user)!;
        var package = await ReadBodyAsync(request, limits.Value.MaxPackageBytes, cancellationToken);
        if (package is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Package too large", $"A package is at most {limits.Value.MaxPackageBytes / (1024 * 1024)} MB.");
        }
        var result = await uploads.UploadAsync(program, userId, version ?? "", notes, package, cancellationToken);
        if (result.NumberTaken)
        {
            return Problem(StatusCodes.Status409Conflict, "Version exists", $"{program.Name} already has a version {version}.");
        }
        if (result.CompileErrors is { } errors)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The project does not compile",
                detail: string.Join("\n", errors), extensions: new Dictionary<string, object?> { ["errors"] = errors });
        }
        if (result.Version is not { } created)
        {
            return Problem(StatusCodes.Status400BadRequest, "Package refused", result.Problem!);
        }
        return TypedResults.Created($"/api/programs/{appId}/versions/{created.Id}", VersionInfo.Of(created));
    }

    /// <summary>The request body, or null when it is longer than the limit (read no further than that).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit + 1;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return null;
            }
        }
        return buffer.ToArray();
    }

    internal static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
