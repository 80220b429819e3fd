using System.Security.Claims;
using Capsule.Network;
using Capsule.Platform.Codes;
using Capsule.Platform.Network;
using Capsule.Server.MiniPrograms;
using Capsule.Server.Versions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Capsule.Server.Codes;

/// <summary>A rule as the team adds it: an https prefix on one of the program's request domains, a page, and whether it is released.</summary>
public sealed record LinkRuleRequest(string? Prefix, string? Page, bool Released = false);

public sealed record LinkRuleView(long Id, string Prefix, string Page, bool Released)
{
    public static LinkRuleView Of(LinkRule rule) => new(rule.Id, rule.Prefix, rule.Page, rule.Released);
}

public sealed record MatchLinkRequest(string? Link);

/// <summary>
/// What a scanned ordinary link opens: the program and the <paramref name="Path"/> to open it at, the rule's page with
/// <c>q</c> and <c>scancode_time</c> in its query.
/// </summary>
public sealed record OpenedLink(string AppId, string Name, string Path);

/// <summary>
/// Ordinary link QR codes (WeChat's "扫普通链接二维码打开小程序"): the program's team lists, adds and removes its link
/// rules, and the shell's scanner asks which program, if any, a scanned address opens.
/// </summary>
public static class LinkRulesApi
{
    public static IEndpointRouteBuilder MapLinkRulesApi(this IEndpointRouteBuilder routes)
    {
        var team = routes.MapGroup("/api/programs/{appId}/link-rules").WithTags("Codes").RequireAuthorization();
        team.MapGet("", ListAsync);
        team.MapPost("", AddAsync);
        team.MapDelete("/{id:long}", RemoveAsync);
        routes.MapGroup("/api/link-rules").WithTags("Codes").RequireAuthorization().MapPost("/match", MatchAsync);
        return routes;
    }

    /// <summary>The program's rules, for any member of its team.</summary>
    private static async Task<Results<Ok<LinkRuleView[]>, ProblemHttpResult>> ListAsync(
        string appId, ClaimsPrincipal user, Team team, LinkRules rules, CancellationToken cancellationToken)
    {
        var (program, refusal) = await team.AllowAsync(appId, user, TeamRole.Member, cancellationToken);
        return program is null ? refusal! : TypedResults.Ok((await rules.ListAsync(program.Id, cancellationToken)).Select(LinkRuleView.Of).ToArray());
    }

    /// <summary>Adds a rule, for the owner and developer members.</summary>
    private static async Task<Results<Created<LinkRuleView>, ValidationProblem, ProblemHttpResult>> AddAsync(
        string appId, LinkRuleRequest request, HttpContext context, Team team, ServerDomains domains, LinkRules rules, CancellationToken cancellationToken)
    {
        var (program, refusal) = await team.AllowAsync(appId, context.User, TeamRole.Developer, cancellationToken);
        if (program is null)
        {
            return refusal!;
        }
        var requestDomains = await domains.ListAsync(program.Id, DomainKind.Request, cancellationToken);
        var (rule, problem) = await rules.AddAsync(program, new LinkRuleDraft(request.Prefix, request.Page, request.Released), requestDomains, context.Request.Host.Host, cancellationToken);
        if (rule is null)
        {
            return problem!.Errors is { } errors
                ? TypedResults.ValidationProblem(errors)
                : TypedResults.Problem(statusCode: problem.Status, title: problem.Title, detail: problem.Detail);
        }
        return TypedResults.Created($"/api/programs/{program.AppId}/link-rules/{rule.Id}", LinkRuleView.Of(rule));
    }

    /// <summary>Removes a rule, for the owner and developer members.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        string appId, long id, ClaimsPrincipal user, Team team, LinkRules rules, CancellationToken cancellationToken)
    {
        var (program, refusal) = await team.AllowAsync(appId, user, TeamRole.Developer, cancellationToken);
        if (program is null)
        {
            return refusal!;
        }
        return await rules.RemoveAsync(program.Id, id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such link rule", detail: $"{program.Name} has no link rule {id}.");
    }

    /// <summary>The released program a scanned address opens, with the page and query to open it at; 404 when none does.</summary>
    private static async Task<Results<Ok<OpenedLink>, ProblemHttpResult>> MatchAsync(
        MatchLinkRequest request, LinkRules rules, TimeProvider time, CancellationToken cancellationToken)
    {
        var link = request.Link ?? "";
        if (await rules.MatchAsync(link, cancellationToken) is not { } match)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No mini program opens this link",
                detail: "No released mini program has a link rule for this address.");
        }
        var path = LinkRules.LaunchPath(match.Page, link, time.GetUtcNow());
        return path.Length > LaunchApi.MaxPath
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Link too long",
                detail: $"This address is too long to open {match.Name}: with its page it must fit in {LaunchApi.MaxPath} characters.")
            : TypedResults.Ok(new OpenedLink(match.AppId, match.Name, path));
    }
}
