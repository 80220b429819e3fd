using System.Security.Claims;
using Capsule.Network;
using Capsule.Platform.Network;
using Capsule.Server.Versions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Capsule.Server.Network;

/// <summary>
/// The WebSocket relay that carries a program's <c>wx.connectSocket</c>: the shell's host opens
/// <c>/api/programs/{appId}/socket?url=wss://…</c> for the signed-in user (the program has no network of its own), and
/// the relay opens the upstream when the URL is in the program's socket list (<see cref="SocketRelay"/>).
/// </summary>
public static class SocketRelayApi
{
    public static IServiceCollection AddCapsuleSocketRelay(this IServiceCollection services) =>
        services.AddTransient(sp => new SocketRelay(
            new HttpMessageInvoker(sp.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(OutboundProxy.HttpClientName), disposeHandler: false),
            sp.GetRequiredService<IOptions<ProxyOptions>>().Value));

    public static RouteGroupBuilder MapSocketRelay(this RouteGroupBuilder programs)
    {
        programs.MapGet("/socket", RelayAsync);
        return programs;
    }

    /// <summary>
    /// Who may ask is checked as for the HTTP proxy (signed in; a released program, or the caller on its team) and the
    /// handshake must come from the server's own pages (a WebSocket is not bound by CORS). Those refusals are plain
    /// HTTP answers (<see cref="SocketRelay.FromOwnPage"/>); once the handshake is accepted, the relay's own messages say how the call goes. The checks run in
    /// a scope of their own, so a long-lived socket holds no database context.
    /// </summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> RelayAsync(
        string appId, HttpContext context, ClaimsPrincipal user, IServiceScopeFactory scopes, SocketRelay relay)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a WebSocket handshake", detail: "Open this address with a WebSocket.");
        }
        if (!SocketRelay.FromOwnPage(context.Request))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: "Sockets are relayed only for Capsule's own pages.");
        }
        var cancellationToken = context.RequestAborted;
        string[] origins;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var (program, refusal) = await scope.ServiceProvider.GetRequiredService<Team>().RunnableAsync(appId, user, cancellationToken);
            if (program is null)
            {
                return refusal!;
            }
            origins = await scope.ServiceProvider.GetRequiredService<ServerDomains>().ListAsync(program.Id, DomainKind.Socket, cancellationToken);
        }
        var (call, failure) = SocketCall.FromQuery(context.Request.Query);
        Uri? target = null;
        if (call is not null)
        {
            (target, failure) = SocketRelay.Check(call, origins);
        }
        using var host = await context.WebSockets.AcceptWebSocketAsync();
        if (target is null)
        {
            await SocketRelay.RefuseAsync(host, failure!, cancellationToken);
        }
        else
        {
            await relay.RunAsync(host, call!, target, cancellationToken);
        }
        return TypedResults.Empty;
    }
}
