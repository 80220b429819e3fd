using System.Security.Claims;
using Capsule.Platform.Accounts;
using Capsule.Platform.MiniPrograms;
using Capsule.Platform.Registry;
using Capsule.Platform.Versions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Capsule.Server.Versions;

public sealed record VersionInfo(long Id, string Number, string Notes, string State, string BundleId, DateTime CreatedAt);

/// <summary>
/// <c>POST /api/programs/{appId}/versions?version=1.0.0&amp;notes=…</c> with a zip of the project as the body
/// (<c>application/zip</c>): compiled on the server into a development version. Owners and developer members only.
/// </summary>
public static class VersionsApi
{
    public static IEndpointRouteBuilder MapVersionsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/programs/{appId}/versions").WithTags("Versions").RequireAuthorization()
            .MapPost("/", UploadAsync);
        return routes;
    }

    private static async Task<Results<Created<VersionInfo>, ProblemHttpResult>> UploadAsync(
        string appId, string? version, string? notes, HttpRequest request, ClaimsPrincipal user, UserManager<CapsuleUser> users,
        ProgramRegistry registry, VersionUploads uploads, IOptions<UploadLimits> limits, CancellationToken cancellationToken)
    {
        var program = AppId.IsValid(appId) ? await registry.FindAsync(appId, cancellationToken) : null;
        if (program is null)
        {
            return Problem(StatusCodes.Status404NotFound, "No such mini program", $"There is no mini program with appid {appId}.");
        }
        var userId = users.GetUserId(user)!;
        if (program.OwnerId != userId && !program.Members.Any(m => m.UserId == userId && m.Role == ProgramMember.Developer))
        {
            return Problem(StatusCodes.Status403Forbidden, "Not a developer of this program", "Only the owner and developer members upload versions.");
        }
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
        return TypedResults.Created($"/api/programs/{appId}/versions/{created.Id}",
            new VersionInfo(created.Id, created.Number, created.Notes, created.State.ToString(), created.BundleId, created.CreatedAt));
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

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
