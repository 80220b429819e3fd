using System.Security.Claims;
using Capsule.Network;
using Capsule.Platform.Network;
using Capsule.Server.Versions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Capsule.Server.Network;

/// <summary>The four server domain lists as the registry API reads and sets them.</summary>
public sealed record DomainListsRequest(string[]? Request, string[]? UploadFile, string[]? DownloadFile, string[]? Socket);

/// <summary>
/// A program's server domain lists, and the proxy that carries its <c>wx.request</c>, <c>wx.uploadFile</c> and
/// <c>wx.downloadFile</c> calls (its sockets go through <see cref="SocketRelayApi"/>): the shell's host calls it for the
/// signed-in user, since the program itself has no network.
/// </summary>
public static class NetworkApi
{
    public static IServiceCollection AddCapsuleNetwork(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProxyOptions>().Bind(configuration.GetSection(ProxyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(OutboundProxy.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => OutboundProxy.CreateHandler(sp.GetRequiredService<IOptions<ProxyOptions>>().Value));
        services.AddTransient(sp => new OutboundProxy(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(OutboundProxy.HttpClientName), sp.GetRequiredService<IOptions<ProxyOptions>>().Value));
        return services.AddCapsuleSocketRelay();
    }

    public static IEndpointRouteBuilder MapNetworkApi(this IEndpointRouteBuilder routes, ProxyOptions options)
    {
        var programs = routes.MapGroup("/api/programs/{appId}").WithTags("Network").RequireAuthorization();
        programs.MapGet("/domains", GetDomainsAsync);
        programs.MapPut("/domains", SetDomainsAsync);
        var limit = new RequestSizeLimitAttribute(((long)options.MaxRequestBytes * 4 / 3) + (64 * 1024));
        programs.MapPost("/proxy/request", (string appId, ProxyCall call, ClaimsPrincipal user, Team team, ServerDomains domains, OutboundProxy proxy, CancellationToken cancellationToken) =>
            ProxyAsync(DomainKind.Request, appId, call, user, team, domains, proxy, cancellationToken)).WithMetadata(limit);
        programs.MapPost("/proxy/upload", (string appId, ProxyCall call, ClaimsPrincipal user, Team team, ServerDomains domains, OutboundProxy proxy, CancellationToken cancellationToken) =>
            ProxyAsync(DomainKind.UploadFile, appId, call, user, team, domains, proxy, cancellationToken)).WithMetadata(limit);
        programs.MapPost("/proxy/download", (string appId, ProxyCall call, ClaimsPrincipal user, Team team, ServerDomains domains, OutboundProxy proxy, CancellationToken cancellationToken) =>
            ProxyAsync(DomainKind.DownloadFile, appId, call, user, team, domains, proxy, cancellationToken)).WithMetadata(limit);
        programs.MapSocketRelay();
        return routes;
    }

    /// <summary>The owner and developer members read the lists.</summary>
    private static async Task<Results<Ok<DomainLists>, ProblemHttpResult>> GetDomainsAsync(
        string appId, ClaimsPrincipal user, Team team, ServerDomains domains, CancellationToken cancellationToken)
    {
        var (program, refusal) = await team.AllowAsync(appId, user, TeamRole.Developer, cancellationToken);
        return program is null ? refusal! : TypedResults.Ok(await domains.ListsAsync(program.Id, cancellationToken));
    }

    /// <summary>Only the owner sets them, all four at once.</summary>
    private static async Task<Results<Ok<DomainLists>, ValidationProblem, ProblemHttpResult>> SetDomainsAsync(
        string appId, DomainListsRequest request, ClaimsPrincipal user, Team team, ServerDomains domains, CancellationToken cancellationToken)
    {
        var (program, refusal) = await team.AllowAsync(appId, user, TeamRole.Owner, cancellationToken);
        if (program is null)
        {
            return refusal!;
        }
        var (lists, errors) = ServerDomains.Validate(request.Request, request.UploadFile, request.DownloadFile, request.Socket);
        if (lists is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await domains.SetAsync(program, lists, cancellationToken);
        return TypedResults.Ok(lists);
    }

    /// <summary>
    /// Carries one call for a released program, or for its team's trial and development versions. A failure is
    /// problem+json whose detail is WeChat's reason (<c>url not in domain list</c>, <c>timeout</c>, …); any upstream
    /// status, 4xx and 5xx included, is a successful call.
    /// </summary>
    private static async Task<Results<Ok<ProxyAnswer>, ProblemHttpResult>> ProxyAsync(
        DomainKind kind, string appId, ProxyCall call, ClaimsPrincipal user, Team team, ServerDomains domains, OutboundProxy proxy, CancellationToken cancellationToken)
    {
        var (program, refusal) = await team.RunnableAsync(appId, user, cancellationToken);
        if (program is null)
        {
            return refusal!;
        }
        var (target, failure) = OutboundProxy.Check(kind, call, await domains.ListAsync(program.Id, kind, cancellationToken));
        if (target is not null)
        {
            var (answer, sendFailure) = await proxy.SendAsync(kind, call, target, cancellationToken);
            if (answer is not null)
            {
                return TypedResults.Ok(answer);
            }
            failure = sendFailure;
        }
        return TypedResults.Problem(statusCode: failure!.HttpStatus, title: "The call did not go through", detail: failure.Reason);
    }
}
