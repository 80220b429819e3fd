using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Capsule.Network;

/// <summary>
/// Opens a program's WebSocket for it and carries its messages both ways, with the HTTP proxy's rules: the URL must
/// be in the program's socket list (wss only), the handshake carries no cookies and follows no redirects, and only
/// public addresses are reached (the connect step of <see cref="OutboundProxy.CreateHandler"/>).
/// <para>
/// The host's side of the relay says how the connection goes before any message of the program's: the relay
/// closes it with the reason when the call is refused (<c>url not in domain list</c>), sends
/// <see cref="Connecting"/> once the call is accepted, then either closes it with the reason the upstream could not
/// be reached (<c>timeout</c>, <c>connection refused</c>) or sends <c>{"event":"open","protocol":…,"header":{…}}</c>.
/// After that every frame is the program's, as sent; a close on either side is passed on with its code and reason,
/// and a connection lost on one side is dropped on the other.
/// </para>
/// </summary>
public sealed class SocketRelay(HttpMessageInvoker invoker, ProxyOptions options)
{
    /// <summary>The first message of an accepted call.</summary>
    public const string Connecting = """{"event":"connecting"}""";

    /// <summary>How long the relay waits for the other side to finish a close handshake that one side started.</summary>
    private static readonly TimeSpan s_closeGrace = TimeSpan.FromSeconds(10);

    private static readonly HashSet<string> s_handshakeHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Origin", "Referer", "Sec-WebSocket-Key", "Sec-WebSocket-Version", "Sec-WebSocket-Extensions", "Sec-WebSocket-Protocol", "Sec-WebSocket-Accept", "User-Agent",
    };

    /// <summary>
    /// Whether a handshake comes from the server's own pages, or from no page at all (a WebSocket is not bound by CORS:
    /// any site could open one with the user's cookies, so one with another page's Origin is refused).
    /// </summary>
    public static bool FromOwnPage(HttpRequest request) =>
        request.Headers.Origin.ToString() is not { Length: > 0 } origin
        || (Uri.TryCreate(origin, UriKind.Absolute, out var from) && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The URL to open when the call is well formed and its URL is in <paramref name="origins"/> (wss only); with no
    /// list (a development project with <c>urlCheck</c> off) any ws or wss URL.
    /// </summary>
    public static (Uri? Target, ProxyFailure? Failure) Check(SocketCall call, IReadOnlyCollection<string>? origins)
    {
        if (call.Url is not { } url || DomainRules.OriginOf(url, DomainKind.Socket) is null || url.Contains('#', StringComparison.Ordinal))
        {
            return (null, new ProxyFailure(400, "invalid url"));
        }
        if (origins is not null && !DomainRules.Allows(origins, url))
        {
            return (null, new ProxyFailure(403, "url not in domain list"));
        }
        if (call.Protocols.Any(p => p.Length == 0 || p.Any(c => c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".Contains(c, StringComparison.Ordinal))))
        {
            return (null, new ProxyFailure(400, "invalid protocol"));
        }
        return (new Uri(url), null);
    }

    /// <summary>Tells the host the call was refused: its side closes with the reason, and no message is relayed.</summary>
    public static Task RefuseAsync(WebSocket host, ProxyFailure failure, CancellationToken cancellationToken) =>
        host.CloseAsync(WebSocketCloseStatus.PolicyViolation, failure.Reason, cancellationToken);

    /// <summary>Opens the upstream for an accepted call and relays until both sides are closed.</summary>
    public async Task RunAsync(WebSocket host, SocketCall call, Uri target, CancellationToken cancellationToken)
    {
        await SendTextAsync(host, Connecting, cancellationToken);
        var (upstream, failure) = await ConnectAsync(call, target, cancellationToken);
        if (upstream is null)
        {
            await host.CloseAsync(WebSocketCloseStatus.InternalServerError, failure!.Reason, cancellationToken);
            return;
        }
        using (upstream)
        {
            var header = new JsonObject();
            foreach (var (name, values) in upstream.HttpResponseHeaders ?? new Dictionary<string, IEnumerable<string>>())
            {
                if (!OutboundProxy.IsStripped(name) && !s_handshakeHeaders.Contains(name))
                {
                    header[name] = string.Join(", ", values);
                }
            }
            upstream.HttpResponseHeaders = null;
            var opened = new JsonObject { ["event"] = "open", ["protocol"] = upstream.SubProtocol ?? "", ["header"] = header };
            await SendTextAsync(host, opened.ToJsonString(), cancellationToken);
            await RelayAsync(host, upstream, cancellationToken);
        }
    }

    private static Task SendTextAsync(WebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>The upstream connection, or why it could not be made (WeChat's reason).</summary>
    private async Task<(ClientWebSocket? Upstream, ProxyFailure? Failure)> ConnectAsync(SocketCall call, Uri target, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("User-Agent", "Capsule-MiniProgram/1.0");
        try
        {
            foreach (var (name, value) in call.Header)
            {
                if (!OutboundProxy.IsStripped(name) && !s_handshakeHeaders.Contains(name))
                {
                    socket.Options.SetRequestHeader(name, value);
                }
            }
        }
        catch (ArgumentException)
        {
            socket.Dispose();
            return (null, new ProxyFailure(400, "invalid header"));
        }
        foreach (var protocol in call.Protocols)
        {
            socket.Options.AddSubProtocol(protocol);
        }
        var limit = TimeSpan.FromMilliseconds(Math.Min(options.TimeoutSeconds * 1000L, call.Timeout is > 0 and var t ? t : long.MaxValue));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await socket.ConnectAsync(target, invoker, timeout.Token);
            return (socket, null);
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var status = (int)socket.HttpStatusCode;
            socket.Dispose();
            return (null, new ProxyFailure(502, Reason(e, status)));
        }
    }

    private static string Reason(Exception exception, int status)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case OperationCanceledException:
                    return "timeout";
                case RefusedAddressException:
                    return "url resolves to a private address";
                case HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }:
                    return "host not found";
                case HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }:
                    return "ssl hand shake error";
                case HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }:
                    return "connection refused";
            }
        }
        return status is > 0 and not 101 ? $"Unexpected response code: {status}" : "WebSocket connection failed";
    }

    /// <summary>Carries frames both ways until both sides have closed, or drops both when either is lost.</summary>
    public static async Task RelayAsync(WebSocket host, WebSocket upstream, CancellationToken cancellationToken)
    {
        var toUpstream = PumpAsync(host, upstream, cancellationToken);
        var toHost = PumpAsync(upstream, host, cancellationToken);
        var first = await Task.WhenAny(toUpstream, toHost);
        var clean = await first;
        if (clean)
        {
            try
            {
                clean = await (first == toUpstream ? toHost : toUpstream).WaitAsync(s_closeGrace, cancellationToken);
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                clean = false;
            }
        }
        if (!clean)
        {
            host.Abort();
            upstream.Abort();
        }
        await Task.WhenAll(toUpstream, toHost);
    }

    /// <summary>Copies frames from one side to the other and passes its close on; false when the connection was lost.</summary>
    private static async Task<bool> PumpAsync(WebSocket from, WebSocket to, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var received = await from.ReceiveAsync(buffer, cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    if (to.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        var status = from.CloseStatus ?? WebSocketCloseStatus.Empty;
                        await to.CloseOutputAsync(status, status == WebSocketCloseStatus.Empty ? null : from.CloseStatusDescription, cancellationToken);
                    }
                    return true;
                }
                await to.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, cancellationToken);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException or ArgumentException)
        {
            return false;
        }
    }
}
