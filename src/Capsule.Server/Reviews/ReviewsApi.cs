using System.Security.Claims;
using Capsule.Platform.Accounts;
using Capsule.Platform.Data;
using Capsule.Platform.Versions;
using Capsule.Server.Versions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Server.Reviews;

public sealed record ReviewItem(string AppId, string Name, VersionInfo Version);

public sealed record ReviewDecision(string? Reason);

/// <summary>The review queue and decisions; reviewers only.</summary>
public static class ReviewsApi
{
    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder routes)
    {
        var reviews = routes.MapGroup("/api/reviews").WithTags("Reviews").RequireAuthorization(policy => policy.RequireRole(Roles.Reviewer));
        reviews.MapGet("/", QueueAsync);
        reviews.MapPost("/{versionId:long}/approve", (long versionId, ClaimsPrincipal user, UserManager<CapsuleUser> users, CapsuleDbContext db, VersionLifecycle lifecycle, CancellationToken ct) =>
            DecideAsync(versionId, approve: true, null, user, users, db, lifecycle, ct));
        reviews.MapPost("/{versionId:long}/reject", (long versionId, ReviewDecision decision, ClaimsPrincipal user, UserManager<CapsuleUser> users, CapsuleDbContext db, VersionLifecycle lifecycle, CancellationToken ct) =>
            DecideAsync(versionId, approve: false, decision.Reason, user, users, db, lifecycle, ct));
        return routes;
    }

    private static async Task<Ok<ReviewItem[]>> QueueAsync(CapsuleDbContext db, CancellationToken cancellationToken)
    {
        var waiting = await db.ProgramVersions.AsNoTracking().Include(v => v.MiniProgram)
            .Where(v => v.State == VersionState.InReview).OrderBy(v => v.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(waiting.Select(v => new ReviewItem(v.MiniProgram!.AppId, v.MiniProgram.Name, VersionInfo.Of(v))).ToArray());
    }

    private static async Task<Results<Ok<VersionInfo>, ProblemHttpResult>> DecideAsync(
        long versionId, bool approve, string? reason, ClaimsPrincipal user, UserManager<CapsuleUser> users, CapsuleDbContext db,
        VersionLifecycle lifecycle, CancellationToken cancellationToken)
    {
        if (await db.ProgramVersions.SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken) is not { } version)
        {
            return VersionsApi.Problem(StatusCodes.Status404NotFound, "No such version", $"There is no version {versionId}.");
        }
        if (await lifecycle.ReviewAsync(version, users.GetUserId(user)!, approve, reason, cancellationToken) is { } refused)
        {
            return VersionsApi.Problem(refused.Status, "Not possible now", refused.Reason);
        }
        return TypedResults.Ok(VersionInfo.Of(version));
    }
}
