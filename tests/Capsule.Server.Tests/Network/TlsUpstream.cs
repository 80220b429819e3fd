using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Capsule.Server.Tests.Network;

/// <summary>A program's backend for the proxy tests: HTTPS on 127.0.0.1 with a certificate made for the test run.</summary>
public sealed class TlsUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    public X509Certificate2 Certificate { get; }

    public int Port { get; }

    public string Origin => $"https://localhost:{Port}";

    /// <summary>The same server as a socket domain.</summary>
    public string SocketOrigin => $"wss://localhost:{Port}";

    private TlsUpstream(WebApplication app, X509Certificate2 certificate, int port)
    {
        _app = app;
        Certificate = certificate;
        Port = port;
    }

    public static async Task<TlsUpstream> StartAsync()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/socket", SocketAsync);
        app.MapGet("/json", (HttpContext context) =>
        {
            context.Response.Headers["Set-Cookie"] = "session=secret; Path=/";
            context.Response.Headers["X-Upstream"] = "yes";
            return Results.Json(new { hello = "world" });
        });
        app.MapMethods("/echo", ["POST", "PUT", "DELETE"], async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            return Results.Json(new
            {
                method = context.Request.Method,
                body,
                contentType = context.Request.ContentType,
                cookie = context.Request.Headers.Cookie.ToString(),
                custom = context.Request.Headers["X-Custom"].ToString(),
                userAgent = context.Request.Headers.UserAgent.ToString(),
            });
        });
        app.MapGet("/missing", () => Results.Text("nope", statusCode: 404));
        app.MapGet("/big", () => Results.Bytes(new byte[256 * 1024], "application/octet-stream"));
        app.MapGet("/slow", async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            return Results.Text("late");
        });
        app.MapPost("/upload", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var file = form.Files.Single();
            return Results.Json(new { field = file.Name, fileName = file.FileName, size = file.Length, note = form["note"].ToString() });
        });
        app.MapGet("/redirect", () => Results.Redirect("https://example.com/"));
        await app.StartAsync();
        var port = new Uri(app.Urls.First()).Port;
        return new TlsUpstream(app, certificate, port);
    }

    /// <summary>
    /// A socket that says what its handshake carried (X-Custom, cookie, user agent, protocol) when told "who", echoes
    /// other text as "echo: …" and binary messages reversed, closes with 4000 when told "close me", drops the connection
    /// when told "drop", and answers a close with its code and reason.
    /// </summary>
    private static async Task SocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            return;
        }
        var protocol = context.WebSockets.WebSocketRequestedProtocols.FirstOrDefault();
        context.Response.Headers["X-Upstream"] = "yes";
        context.Response.Headers["Set-Cookie"] = "session=secret";
        using var socket = await context.WebSockets.AcceptWebSocketAsync(protocol);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(socket.CloseStatus!.Value, socket.CloseStatusDescription, context.RequestAborted);
                return;
            }
            var bytes = buffer[..received.Count];
            if (received.MessageType == WebSocketMessageType.Binary)
            {
                Array.Reverse(bytes);
                await socket.SendAsync(bytes, WebSocketMessageType.Binary, endOfMessage: true, context.RequestAborted);
                continue;
            }
            var text = Encoding.UTF8.GetString(bytes);
            switch (text)
            {
                case "close me":
                    await socket.CloseAsync((WebSocketCloseStatus)4000, "server says bye", context.RequestAborted);
                    return;
                case "drop":
                    context.Abort();
                    return;
                default:
                    var answer = text == "who"
                        ? $"{context.Request.Headers["X-Custom"]}|{context.Request.Headers.Cookie}|{context.Request.Headers.UserAgent}|{protocol}"
                        : $"echo: {text}";
                    await socket.SendAsync(Encoding.UTF8.GetBytes(answer), WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Certificate.Dispose();
    }
}
