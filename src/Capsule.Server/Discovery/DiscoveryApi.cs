using System.Security.Claims;
using Capsule.Platform.Accounts;
using Capsule.Platform.Data;
using Capsule.Platform.Discovery;
using Capsule.Platform.MiniPrograms;
using Capsule.Platform.Registry;
using Capsule.Server.Versions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Server.Discovery;

public sealed record ReorderRequest(string[]? AppIds);

/// <summary>What the capsule menu's About shows.</summary>
public sealed record ProgramProfile(string AppId, string Name, string Description, string Category, string CategoryName, string? Version, string? IconUrl);

public sealed record FeedbackRequest(string? Text);

public sealed record FeedbackItem(long Id, string Text, DateTime At);

/// <summary>
/// The Discover bar and the pull-down panel (recently used, My Mini Programs, Display on Top), and what the capsule
/// menu needs: a program's profile and feedback to its team. Launches fill the recent list (<see cref="MiniPrograms.LaunchApi"/>).
/// </summary>
public static class DiscoveryApi
{
    public static IEndpointRouteBuilder MapDiscoveryApi(this IEndpointRouteBuilder routes)
    {
        var discover = routes.MapGroup("/api/discover").WithTags("Discover").RequireAuthorization();
        discover.MapGet("/", ReadAsync);
        discover.MapPut("/mine", ReorderAsync);
        discover.MapPut("/mine/{appId}", (string appId, ClaimsPrincipal user, UserManager<CapsuleUser> users, CapsuleDbContext db, ProgramShelf shelf, CancellationToken ct) =>
            ChangeAsync(appId, user, users, db, (uid, p) => shelf.AddToMineAsync(uid, p, ct), $"My Mini Programs holds at most {ProgramShelf.MaxMine} programs.", ct));
        discover.MapDelete("/mine/{appId}", (string appId, ClaimsPrincipal user, UserManager<CapsuleUser> users, CapsuleDbContext db, ProgramShelf shelf, CancellationToken ct) =>
            ChangeAsync(appId, user, users, db, (uid, p) => Done(shelf.RemoveFromMineAsync(uid, p, ct)), "", ct));
        discover.MapDelete("/recent/{appId}", (string appId, ClaimsPrincipal user, UserManager<CapsuleUser> users, CapsuleDbContext db, ProgramShelf shelf, CancellationToken ct) =>
            ChangeAsync(appId, user, users, db, (uid, p) => Done(shelf.ForgetRecentAsync(uid, p, ct)), "", ct));
        discover.MapPut("/pinned/{appId}", (string appId, ClaimsPrincipal user, UserManager<CapsuleUser> users, CapsuleDbContext db, ProgramShelf shelf, CancellationToken ct) =>
            ChangeAsync(appId, user, users, db, (uid, p) => shelf.PinAsync(uid, p, ct), $"At most {ProgramShelf.MaxPinned} mini programs can be displayed on top.", ct));
        discover.MapDelete("/pinned/{appId}", (string appId, ClaimsPrincipal user, UserManager<CapsuleUser> users, CapsuleDbContext db, ProgramShelf shelf, CancellationToken ct) =>
            ChangeAsync(appId, user, users, db, (uid, p) => Done(shelf.UnpinAsync(uid, p, ct)), "", ct));

        var programs = routes.MapGroup("/api/programs").WithTags("Discover").RequireAuthorization();
        programs.MapGet("/{appId}/profile", ProfileAsync);
        programs.MapPost("/{appId}/feedback", SendFeedbackAsync);
        programs.MapGet("/{appId}/feedback", ListFeedbackAsync);
        return routes;
    }

    private static async Task<Ok<Shelf>> ReadAsync(ClaimsPrincipal user, UserManager<CapsuleUser> users, ProgramShelf shelf, CancellationToken cancellationToken) =>
        TypedResults.Ok(await shelf.ReadAsync(users.GetUserId(user)!, cancellationToken));

    private static async Task<Results<NoContent, ProblemHttpResult>> ReorderAsync(
        ReorderRequest request, ClaimsPrincipal user, UserManager<CapsuleUser> users, ProgramShelf shelf, CancellationToken cancellationToken) =>
        await shelf.ReorderMineAsync(users.GetUserId(user)!, request.AppIds ?? [], cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not the same programs",
                detail: "Send every appid in My Mini Programs exactly once, in the new order.");

    private static async Task<bool> Done(Task change)
    {
        await change;
        return true;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeAsync(
        string appId, ClaimsPrincipal user, UserManager<CapsuleUser> users, CapsuleDbContext db, Func<string, MiniProgram, Task<bool>> change, string whenFull,
        CancellationToken cancellationToken)
    {
        var program = await ReleasedAsync(db, appId, cancellationToken);
        if (program is null)
        {
            return NoSuchProgram(appId);
        }
        return await change(users.GetUserId(user)!, program)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "List full", detail: whenFull);
    }

    private static async Task<Results<Ok<ProgramProfile>, ProblemHttpResult>> ProfileAsync(string appId, CapsuleDbContext db, CancellationToken cancellationToken)
    {
        var program = await ReleasedAsync(db, appId, cancellationToken);
        if (program is null)
        {
            return NoSuchProgram(appId);
        }
        var version = await db.ProgramVersions.AsNoTracking().Where(v => v.Id == program.ReleasedVersionId).Select(v => v.Number).SingleOrDefaultAsync(cancellationToken);
        var category = Categories.Find(program.Category) is { } found ? $"{found.Top.Name} › {found.Leaf.Name}" : program.Category;
        return TypedResults.Ok(new ProgramProfile(program.AppId, program.Name, program.Description, program.Category, category, version, program.IconUrl));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SendFeedbackAsync(
        string appId, FeedbackRequest request, ClaimsPrincipal user, UserManager<CapsuleUser> users, CapsuleDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var text = request.Text?.Trim() ?? "";
        if (text.Length is 0 or > ProgramFeedback.MaxText)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [$"Write 1 to {ProgramFeedback.MaxText} characters."] });
        }
        var program = await ReleasedAsync(db, appId, cancellationToken);
        if (program is null)
        {
            return NoSuchProgram(appId);
        }
        db.ProgramFeedback.Add(new ProgramFeedback { MiniProgramId = program.Id, UserId = users.GetUserId(user), Text = text, At = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The newest 100 pieces of feedback, for the program's team.</summary>
    private static async Task<Results<Ok<FeedbackItem[]>, ProblemHttpResult>> ListFeedbackAsync(
        string appId, ClaimsPrincipal user, Team team, CapsuleDbContext db, CancellationToken cancellationToken)
    {
        var (program, refusal) = await team.AllowAsync(appId, user, TeamRole.Member, cancellationToken);
        if (program is null)
        {
            return refusal!;
        }
        var items = await db.ProgramFeedback.AsNoTracking().Where(f => f.MiniProgramId == program.Id)
            .OrderByDescending(f => f.At).ThenByDescending(f => f.Id).Take(100)
            .Select(f => new FeedbackItem(f.Id, f.Text, f.At)).ToArrayAsync(cancellationToken);
        return TypedResults.Ok(items);
    }

    internal static Task<MiniProgram?> ReleasedAsync(CapsuleDbContext db, string appId, CancellationToken cancellationToken) =>
        AppId.IsValid(appId)
            ? db.MiniPrograms.AsNoTracking().SingleOrDefaultAsync(p => p.AppId == appId && p.ReleasedVersionId != null, cancellationToken)
            : Task.FromResult<MiniProgram?>(null);

    internal static ProblemHttpResult NoSuchProgram(string appId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such mini program", detail: $"There is no released mini program with appid {appId}.");
}
