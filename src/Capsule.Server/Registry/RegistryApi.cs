using System.Security.Claims;
using Capsule.Platform.Accounts;
using Capsule.Platform.MiniPrograms;
using Capsule.Platform.Registry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Capsule.Server.Registry;

/// <summary>Registering mini programs, their appsecret and their members; the category taxonomy.</summary>
public static class RegistryApi
{
    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/categories", () => TypedResults.Ok(Categories.Tree)).WithTags("Registry");
        var programs = routes.MapGroup("/api/programs").WithTags("Registry").RequireAuthorization();
        programs.MapPost("/", RegisterAsync).RequireAuthorization(policy => policy.RequireRole(Roles.Developer));
        programs.MapGet("/mine", MineAsync);
        programs.MapPost("/{appId}/secret", RotateSecretAsync);
        programs.MapPut("/{appId}/members/{userId}", SetMemberAsync);
        programs.MapDelete("/{appId}/members/{userId}", RemoveMemberAsync);
        return routes;
    }

    private static async Task<Results<Created<ProgramDetails>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterProgramRequest request, ClaimsPrincipal user, UserManager<CapsuleUser> users, ProgramRegistry registry, CancellationToken cancellationToken)
    {
        var result = await registry.RegisterAsync(users.GetUserId(user)!,
            new Registration(request.Name ?? "", request.Category ?? "", request.Description, request.IconUrl), cancellationToken);
        if (result.Errors is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (result.NameTaken)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Name taken",
                detail: $"A mini program named \"{request.Name?.Trim()}\" already exists. Names are compared ignoring case, width and extra spaces.");
        }
        return TypedResults.Created($"/api/programs/{result.Program!.AppId}", Details(result.Program, result.Secret));
    }

    private static async Task<Ok<ProgramDetails[]>> MineAsync(ClaimsPrincipal user, UserManager<CapsuleUser> users, ProgramRegistry registry, CancellationToken cancellationToken)
    {
        var programs = await registry.MineAsync(users.GetUserId(user)!, cancellationToken);
        return TypedResults.Ok(programs.Select(p => Details(p)).ToArray());
    }

    private static async Task<Results<Ok<SecretAnswer>, ProblemHttpResult>> RotateSecretAsync(
        string appId, ClaimsPrincipal user, UserManager<CapsuleUser> users, ProgramRegistry registry, CancellationToken cancellationToken)
    {
        var (program, refusal) = await OwnedAsync(appId, user, users, registry, cancellationToken);
        return program is null ? refusal! : TypedResults.Ok(new SecretAnswer(program.AppId, await registry.RotateSecretAsync(program, cancellationToken)));
    }

    private static async Task<Results<Ok<ProgramDetails>, ValidationProblem, ProblemHttpResult>> SetMemberAsync(
        string appId, string userId, MemberRequest request, ClaimsPrincipal user, UserManager<CapsuleUser> users, ProgramRegistry registry, CancellationToken cancellationToken)
    {
        if (request.Role is not (ProgramMember.Developer or ProgramMember.Tester))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["A member is a developer or a tester."] });
        }
        var (program, refusal) = await OwnedAsync(appId, user, users, registry, cancellationToken);
        if (program is null)
        {
            return refusal!;
        }
        if (await users.FindByIdAsync(userId) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such user", detail: $"There is no user with id {userId}.");
        }
        if (userId == program.OwnerId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["userId"] = ["The owner is not added as a member."] });
        }
        await registry.SetMemberAsync(program, userId, request.Role, cancellationToken);
        return TypedResults.Ok(Details(program));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveMemberAsync(
        string appId, string userId, ClaimsPrincipal user, UserManager<CapsuleUser> users, ProgramRegistry registry, CancellationToken cancellationToken)
    {
        var (program, refusal) = await OwnedAsync(appId, user, users, registry, cancellationToken);
        if (program is null)
        {
            return refusal!;
        }
        return await registry.RemoveMemberAsync(program, userId, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not a member", detail: $"{userId} is not a member of {appId}.");
    }

    /// <summary>The program if the caller owns it; otherwise the refusal to answer (404 unknown, 403 not the owner).</summary>
    private static async Task<(MiniProgram? Program, ProblemHttpResult? Refusal)> OwnedAsync(
        string appId, ClaimsPrincipal user, UserManager<CapsuleUser> users, ProgramRegistry registry, CancellationToken cancellationToken)
    {
        var program = AppId.IsValid(appId) ? await registry.FindAsync(appId, cancellationToken) : null;
        if (program is null)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such mini program", detail: $"There is no mini program with appid {appId}."));
        }
        return program.OwnerId == users.GetUserId(user)
            ? (program, null)
            : (null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not the owner", detail: "Only the program's owner can do this."));
    }

    private static ProgramDetails Details(MiniProgram program, string? secret = null) =>
        new(program.AppId, program.Name, program.Category, program.Description, program.IconUrl, program.OwnerId,
            [.. program.Members.OrderBy(m => m.UserId, StringComparer.Ordinal).Select(m => new MemberInfo(m.UserId, m.Role))], secret);
}
