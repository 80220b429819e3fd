using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Capsule.Network;

/// <summary>Thrown by the connect step when a host resolves to an address the proxy must not reach.</summary>
public sealed class RefusedAddressException(string host) : Exception($"{host} resolves to an address that is not public");

/// <summary>
/// Makes a program's call for it: checks the URL against the program's domain list, then sends it with no
/// cookies, no redirects followed and no hop-by-hop headers, within the size and time limits, and only to
/// public addresses (checked on what DNS returned, at connect time, so a rebinding name cannot slip through).
/// </summary>
public sealed class OutboundProxy(HttpClient client, ProxyOptions options)
{
    public const string HttpClientName = "Capsule.Proxy";

    private static readonly HashSet<string> s_methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"];

    /// <summary>Headers a program may not set or see: hop-by-hop ones, cookies and those the proxy decides itself.</summary>
    private static readonly HashSet<string> s_stripped = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Connection", "TE", "Trailer",
        "Transfer-Encoding", "Upgrade", "Host", "Cookie", "Set-Cookie", "Set-Cookie2", "Content-Length", "Content-Encoding", "Expect",
    };

    /// <summary>Whether a header is one a program may not set or see (the sockets' relay strips the same ones).</summary>
    public static bool IsStripped(string name) => s_stripped.Contains(name) || name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase);

    /// <summary>The handler for real upstreams: the connect step refuses non-public addresses.</summary>
    public static SocketsHttpHandler CreateHandler(ProxyOptions options) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.All,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
            if (addresses.Length == 0 || addresses.Any(a => !AddressPolicy.Allowed(a, options.AllowLoopback)))
            {
                throw new RefusedAddressException(host);
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>
    /// The URL to call when the call is well formed and its URL is in <paramref name="origins"/> (https only);
    /// with no list (a development project with <c>urlCheck</c> off) any http or https URL.
    /// </summary>
    public static (Uri? Target, ProxyFailure? Failure) Check(DomainKind kind, ProxyCall call, IReadOnlyCollection<string>? origins)
    {
        if (call.Url is not { } url || DomainRules.OriginOf(url, kind) is null)
        {
            return (null, new ProxyFailure(StatusCodes.BadRequest, "invalid url"));
        }
        if (origins is not null && !DomainRules.Allows(origins, url))
        {
            return (null, new ProxyFailure(StatusCodes.Forbidden, "url not in domain list"));
        }
        var method = (call.Method ?? "GET").ToUpperInvariant();
        if (kind == DomainKind.Request && !s_methods.Contains(method))
        {
            return (null, new ProxyFailure(StatusCodes.BadRequest, $"invalid method {call.Method}"));
        }
        if (kind == DomainKind.UploadFile && (string.IsNullOrEmpty(call.Name) || call.FileBase64 is null))
        {
            return (null, new ProxyFailure(StatusCodes.BadRequest, "parameter error: name and filePath are required"));
        }
        return (new Uri(url), null);
    }

    public async Task<(ProxyAnswer? Answer, ProxyFailure? Failure)> SendAsync(DomainKind kind, ProxyCall call, Uri target, CancellationToken cancellationToken)
    {
        HttpRequestMessage message;
        try
        {
            message = Build(kind, call, target);
        }
        catch (FormatException)
        {
            return (null, new ProxyFailure(StatusCodes.BadRequest, "invalid data"));
        }
        catch (ProxyFailureException e)
        {
            return (null, e.Failure);
        }
        using var request = message;
        var limit = TimeSpan.FromMilliseconds(Math.Min(options.TimeoutSeconds * 1000L, call.Timeout is > 0 and var t ? t : long.MaxValue));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.Content.Headers.ContentLength > options.MaxResponseBytes)
            {
                return (null, TooLarge());
            }
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var body = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                if (body.Length + read > options.MaxResponseBytes)
                {
                    return (null, TooLarge());
                }
                body.Write(buffer, 0, read);
            }
            var header = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                if (!s_stripped.Contains(name))
                {
                    header[name] = string.Join(", ", values);
                }
            }
            return (new ProxyAnswer((int)response.StatusCode, header, Convert.ToBase64String(body.GetBuffer(), 0, (int)body.Length)), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new ProxyFailure(StatusCodes.GatewayTimeout, "timeout"));
        }
        catch (HttpRequestException e) when (e.InnerException is RefusedAddressException)
        {
            return (null, new ProxyFailure(StatusCodes.Forbidden, "url resolves to a private address"));
        }
        catch (HttpRequestException e)
        {
            return (null, new ProxyFailure(StatusCodes.BadGateway, e.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => "host not found",
                HttpRequestError.SecureConnectionError => "ssl hand shake error",
                HttpRequestError.ConnectionError => "connection refused",
                _ => "network error",
            }));
        }
    }

    private ProxyFailure TooLarge() => new(StatusCodes.BadGateway, $"response exceeds {options.MaxResponseBytes} bytes");

    private HttpRequestMessage Build(DomainKind kind, ProxyCall call, Uri target)
    {
        var method = kind switch
        {
            DomainKind.UploadFile => HttpMethod.Post,
            DomainKind.DownloadFile => HttpMethod.Get,
            _ => new HttpMethod((call.Method ?? "GET").ToUpperInvariant()),
        };
        var request = new HttpRequestMessage(method, target);
        request.Headers.UserAgent.ParseAdd("Capsule-MiniProgram/1.0");
        if (kind == DomainKind.UploadFile)
        {
            var form = new MultipartFormDataContent();
            foreach (var (name, value) in call.FormData ?? [])
            {
                form.Add(new StringContent(value), name);
            }
            var file = new ByteArrayContent(Decode(call.FileBase64!));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, call.Name!, string.IsNullOrWhiteSpace(call.FileName) ? "file" : call.FileName);
            request.Content = form;
        }
        else if (call.DataBase64 is { Length: > 0 } data && method != HttpMethod.Get && method != HttpMethod.Head)
        {
            request.Content = new ByteArrayContent(Decode(data));
        }
        foreach (var (name, value) in call.Header ?? [])
        {
            if (IsStripped(name) || request.Headers.TryAddWithoutValidation(name, value))
            {
                continue;
            }
            if (request.Content is not null && !(kind == DomainKind.UploadFile && name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
            {
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        return request;
    }

    private byte[] Decode(string base64)
    {
        if (base64.Length / 4 * 3 > options.MaxRequestBytes + 3)
        {
            throw new ProxyFailureException(new ProxyFailure(StatusCodes.RequestTooLarge, $"request body exceeds {options.MaxRequestBytes} bytes"));
        }
        var bytes = Convert.FromBase64String(base64);
        return bytes.Length > options.MaxRequestBytes
            ? throw new ProxyFailureException(new ProxyFailure(StatusCodes.RequestTooLarge, $"request body exceeds {options.MaxRequestBytes} bytes"))
            : bytes;
    }

    private sealed class ProxyFailureException(ProxyFailure failure) : Exception(failure.Reason)
    {
        public ProxyFailure Failure => failure;
    }

    /// <summary>The HTTP statuses the proxy answers failures with.</summary>
    private static class StatusCodes
    {
        public const int BadRequest = 400;
        public const int Forbidden = 403;
        public const int RequestTooLarge = 413;
        public const int BadGateway = 502;
        public const int GatewayTimeout = 504;
    }
}
