using System.Security.Claims;
using Capsule.Platform.Accounts;
using Capsule.Platform.MiniPrograms;
using Capsule.Platform.Registry;
using Capsule.Platform.Versions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Capsule.Server.Versions;

/// <summary>Who in a program's team may take a step: any member (testers too), developers, or only the owner.</summary>
public enum TeamRole
{
    Member,
    Developer,
    Owner,
}

/// <summary>Finds a program and checks the caller's place in its team.</summary>
public sealed class Team(ProgramRegistry registry, UserManager<CapsuleUser> users, VersionLifecycle lifecycle)
{
    public VersionLifecycle Lifecycle => lifecycle;

    /// <summary>The program when the caller may act as <paramref name="role"/>; otherwise the refusal (404 unknown, 403 not allowed).</summary>
    public async Task<(MiniProgram? Program, ProblemHttpResult? Refusal)> AllowAsync(string appId, ClaimsPrincipal user, TeamRole role, CancellationToken cancellationToken)
    {
        var (program, unknown) = await FindAsync(appId, cancellationToken);
        if (program is null)
        {
            return (null, unknown);
        }
        var userId = users.GetUserId(user);
        var member = program.Members.FirstOrDefault(m => m.UserId == userId);
        var allowed = program.OwnerId == userId || role switch
        {
            TeamRole.Member => member is not null,
            TeamRole.Developer => member?.Role == ProgramMember.Developer,
            _ => false,
        };
        return allowed
            ? (program, null)
            : (null, VersionsApi.Problem(StatusCodes.Status403Forbidden, "Not allowed", role switch
            {
                TeamRole.Owner => "Only the program's owner can do this.",
                TeamRole.Developer => "Only the owner and developer members can do this.",
                _ => "Only the program's team can do this.",
            }));
    }

    /// <summary>The program when the caller may run it: a released one for anybody, an unreleased one for its team.</summary>
    public async Task<(MiniProgram? Program, ProblemHttpResult? Refusal)> RunnableAsync(string appId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (program, refusal) = await FindAsync(appId, cancellationToken);
        return program is null || program.ReleasedVersionId is not null ? (program, refusal) : await AllowAsync(appId, user, TeamRole.Member, cancellationToken);
    }

    /// <summary>The program, or a 404 refusal when there is none with that appid.</summary>
    public async Task<(MiniProgram? Program, ProblemHttpResult? Refusal)> FindAsync(string appId, CancellationToken cancellationToken)
    {
        var program = AppId.IsValid(appId) ? await registry.FindAsync(appId, cancellationToken) : null;
        return program is null
            ? (null, VersionsApi.Problem(StatusCodes.Status404NotFound, "No such mini program", $"There is no mini program with appid {appId}."))
            : (program, null);
    }
}
