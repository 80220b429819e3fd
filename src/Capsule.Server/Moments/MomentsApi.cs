using System.Security.Claims;
using System.Text.Json;
using Capsule.Platform.Moments;
using Capsule.Server.Chats;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Capsule.Server.Moments;

/// <summary>
/// A post: text and images. <see cref="MiniProgram"/> exists only to be refused: mini programs cannot be shared to
/// Moments, and a client that tries is told so rather than having the field silently dropped.
/// </summary>
public sealed record MomentPost(string? Text, string[]? Images, JsonElement? MiniProgram);

public sealed record CommentRequest(string Text);

/// <summary>Moments: friends' posts with likes and comments. Only friends see each other's posts.</summary>
public static class MomentsApi
{
    public const string NoMiniProgramsType = "https://capsule.dev/problems/moments-no-mini-programs";

    public static IEndpointRouteBuilder MapMomentsApi(this IEndpointRouteBuilder routes)
    {
        var moments = routes.MapGroup("/api/moments").WithTags("Moments").RequireAuthorization();
        moments.MapGet("/", FeedAsync);
        moments.MapPost("/", PostAsync).RequireRateLimiting(ChatsSetup.SendLimit);
        moments.MapDelete("/{id:long}", DeleteAsync);
        moments.MapPost("/{id:long}/like", (long id, ClaimsPrincipal user, MomentsFeed feed, CancellationToken ct) => LikeAsync(id, true, user, feed, ct));
        moments.MapDelete("/{id:long}/like", (long id, ClaimsPrincipal user, MomentsFeed feed, CancellationToken ct) => LikeAsync(id, false, user, feed, ct));
        moments.MapPost("/{id:long}/comments", CommentAsync).RequireRateLimiting(ChatsSetup.SendLimit);
        return routes;
    }

    private static string Me(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static async Task<Ok<MomentsPage>> FeedAsync(long? before, int? limit, ClaimsPrincipal user, MomentsFeed feed, CancellationToken cancellationToken) =>
        TypedResults.Ok(await feed.FeedAsync(Me(user), before, limit ?? 20, cancellationToken));

    private static async Task<Results<Created<MomentView>, ProblemHttpResult>> PostAsync(
        MomentPost post, ClaimsPrincipal user, MomentsFeed feed, CancellationToken cancellationToken)
    {
        if (post.MiniProgram is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, type: NoMiniProgramsType,
                title: "Mini programs cannot be shared to Moments",
                detail: "Mini programs can be shared to chats and groups, not to Moments. Post text and images instead.");
        }
        var (moment, refusal) = await feed.PostAsync(Me(user), post.Text, post.Images, cancellationToken);
        return refusal is null ? TypedResults.Created($"/api/moments/{moment!.Id}", moment) : refusal.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, ClaimsPrincipal user, MomentsFeed feed, CancellationToken cancellationToken) =>
        await feed.DeleteAsync(Me(user), id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such Moment", detail: $"You have no Moment {id}.");

    private static async Task<Results<Ok<MomentView>, ProblemHttpResult>> LikeAsync(long id, bool like, ClaimsPrincipal user, MomentsFeed feed, CancellationToken cancellationToken)
    {
        var (moment, refusal) = await feed.LikeAsync(Me(user), id, like, cancellationToken);
        return refusal is null ? TypedResults.Ok(moment!) : refusal.ToProblem();
    }

    private static async Task<Results<Ok<MomentView>, ProblemHttpResult>> CommentAsync(
        long id, CommentRequest request, ClaimsPrincipal user, MomentsFeed feed, CancellationToken cancellationToken)
    {
        var (moment, refusal) = await feed.CommentAsync(Me(user), id, request.Text, cancellationToken);
        return refusal is null ? TypedResults.Ok(moment!) : refusal.ToProblem();
    }
}
