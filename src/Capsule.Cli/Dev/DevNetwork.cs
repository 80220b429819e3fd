using System.Net;
using Capsule.Network;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Capsule.Cli.Dev;

/// <summary>
/// The simulator's network proxy, with the server's rules: the domain list is the mocked origins and the
/// <c>--domain</c> ones (or none at all when project.config.json sets <c>setting.urlCheck</c> to false), and
/// real calls reach public addresses only. A call to a mocked origin goes to its local mock instead.
/// </summary>
internal sealed class DevNetwork : IDisposable
{
    private readonly IReadOnlyDictionary<string, Uri> _mocks;
    private readonly string[] _domains;
    private readonly HttpClient _real;
    private readonly HttpClient _mock;
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
    }

    /// <summary>Parses <c>https://api.example.com=http://127.0.0.1:PORT</c>: the origin and where its mock listens.</summary>
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
        return Uri.TryCreate(value[(split + 1)..], UriKind.Absolute, out var target) && (target.Scheme == Uri.UriSchemeHttp || target.Scheme == Uri.UriSchemeHttps)
            ? (origin, target, null)
            : (null, null, $"--mock {value}: the mock must be an http:// or https:// address");
    }

    public void Map(IEndpointRouteBuilder routes, DevProject project)
    {
        routes.MapGet("/dev/api/web-view", (string? url) =>
        {
            var (page, failure) = WebViewRules.Check(url, project.UrlCheck ? _domains : null);
            return page is not null
                ? Results.Ok(new WebViewPage(page.AbsoluteUri))
                : Results.Problem(statusCode: failure!.HttpStatus, title: "The page may not be shown", detail: failure.Reason);
        });
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
    }

    public void Dispose()
    {
        _real.Dispose();
        _mock.Dispose();
    }
}
