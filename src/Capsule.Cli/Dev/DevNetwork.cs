using System.Net;
using Capsule.Network;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Capsule.Cli.Dev;

/// <summary>
/// The simulator's network proxy and socket relay, with the server's rules: the domain list is the mocked origins and
/// the <c>--domain</c> ones (or none at all when project.config.json sets <c>setting.urlCheck</c> to false), and
/// real calls reach public addresses only. A call to a mocked origin goes to its local mock instead: an https origin
/// to an http(s) mock, a wss origin (a socket domain) to a ws(s) mock.
/// </summary>
internal sealed class DevNetwork : IDisposable
{
    private readonly IReadOnlyDictionary<string, Uri> _mocks;
    private readonly string[] _domains;
    private readonly HttpClient _real;
    private readonly HttpClient _mock;
    private readonly HttpMessageInvoker _realSockets;
    private readonly HttpMessageInvoker _mockSockets;
    private readonly ProxyOptions _options = new();

    public DevNetwork(IReadOnlyDictionary<string, Uri> mocks, IEnumerable<string> domains)
    {
        _mocks = mocks;
        _domains = [.. mocks.Keys, .. domains];
        _real = new HttpClient(OutboundProxy.CreateHandler(_options)) { Timeout = Timeout.InfiniteTimeSpan };
        _mock = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false, AutomaticDecompression = DecompressionMethods.All })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _realSockets = new HttpMessageInvoker(OutboundProxy.CreateHandler(_options));
        _mockSockets = new HttpMessageInvoker(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false });
    }

    /// <summary>
    /// Parses <c>https://api.example.com=http://127.0.0.1:PORT</c> (or <c>wss://api.example.com=ws://127.0.0.1:PORT</c> for a
    /// socket domain): the origin and where its mock listens.
    /// </summary>
    public static (string? Origin, Uri? Target, string? Error) ParseMock(string value)
    {
        var split = value.IndexOf('=', StringComparison.Ordinal);
        if (split < 0)
        {
            return (null, null, $"--mock {value}: expected ORIGIN=URL, such as https://api.example.com=http://127.0.0.1:4000");
        }
        var (origin, error) = DomainRules.Normalize(value[..split]);
        if (error is not null)
        {
            return (null, null, $"--mock {value}: {error}");
        }
        var socket = origin!.StartsWith("wss://", StringComparison.Ordinal);
        string[] schemes = socket ? [Uri.UriSchemeWs, Uri.UriSchemeWss] : [Uri.UriSchemeHttp, Uri.UriSchemeHttps];
        return Uri.TryCreate(value[(split + 1)..], UriKind.Absolute, out var target) && schemes.Contains(target.Scheme)
            ? (origin, target, null)
            : (null, null, $"--mock {value}: the mock must be {(socket ? "a" : "an")} {schemes[0]}:// or {schemes[1]}:// address");
    }

    public void Map(IEndpointRouteBuilder routes, DevProject project)
    {
        routes.MapPost("/dev/api/proxy/{kind}", async (string kind, ProxyCall call, CancellationToken cancellationToken) =>
        {
            DomainKind? domainKind = kind switch
            {
                "request" => DomainKind.Request,
                "upload" => DomainKind.UploadFile,
                "download" => DomainKind.DownloadFile,
                _ => null,
            };
            if (domainKind is not { } which)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such call", detail: $"{kind} is not a network call");
            }
            var (target, failure) = OutboundProxy.Check(which, call, project.UrlCheck ? _domains : null);
            if (target is not null)
            {
                var mock = DomainRules.OriginOf(call.Url!) is { } origin ? _mocks.GetValueOrDefault(origin) : null;
                var proxy = new OutboundProxy(mock is null ? _real : _mock, _options);
                var (answer, sendFailure) = await proxy.SendAsync(which, call, mock is null ? target : new Uri(mock, target.PathAndQuery), cancellationToken);
                if (answer is not null)
                {
                    return Results.Ok(answer);
                }
                failure = sendFailure;
            }
            return Results.Problem(statusCode: failure!.HttpStatus, title: "The call did not go through", detail: failure.Reason);
        });
        routes.MapGet("/dev/api/socket", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a WebSocket handshake", detail: "Open this address with a WebSocket.");
            }
            if (!SocketRelay.FromOwnPage(context.Request))
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: "Sockets are relayed only for the simulator's own page.");
            }
            var (call, failure) = SocketCall.FromQuery(context.Request.Query);
            Uri? target = null;
            if (call is not null)
            {
                (target, failure) = SocketRelay.Check(call, project.UrlCheck ? _domains : null);
            }
            using var host = await context.WebSockets.AcceptWebSocketAsync();
            if (target is null)
            {
                await SocketRelay.RefuseAsync(host, failure!, context.RequestAborted);
                return Results.Empty;
            }
            var mock = DomainRules.OriginOf(call!.Url!) is { } origin ? _mocks.GetValueOrDefault(origin) : null;
            var relay = new SocketRelay(mock is null ? _realSockets : _mockSockets, _options);
            await relay.RunAsync(host, call, mock is null ? target : new Uri(mock, target.PathAndQuery), context.RequestAborted);
            return Results.Empty;
        });
    }

    public void Dispose()
    {
        _real.Dispose();
        _mock.Dispose();
        _realSockets.Dispose();
        _mockSockets.Dispose();
    }
}
