using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Capsule.E2E.Tests;

/// <summary>
/// The network fixture's "backend", on 127.0.0.1: <c>capsule dev --mock https://api.example.com=…</c> sends the
/// program's calls to https://api.example.com here, and <c>--mock wss://api.example.com=ws://…</c> its sockets.
/// </summary>
public sealed class MockBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MockBackend(WebApplication app) => _app = app;

    public string Url => _app.Urls.First();

    /// <summary>Where the backend's sockets listen: the same server, with ws://.</summary>
    public string SocketUrl => "ws://" + Url["http://".Length..];

    /// <summary>The simulator the backend exchanges login codes with (its /sns/jscode2session).</summary>
    public string? Simulator { get; set; }

    /// <summary>What the last upload carried: its field name, file size and note.</summary>
    public string? LastUpload { get; private set; }

    public static async Task<MockBackend> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        var backend = new MockBackend(app);
        app.MapGet("/hello", (string? name, HttpContext context) =>
        {
            context.Response.Headers["X-Mock"] = "yes";
            return Results.Json(new { greeting = $"hi {name}" });
        });
        app.MapGet("/dot.png", () => Results.File(
            File.ReadAllBytes(Path.Combine(SimulatorFixture.Fixture("runtime-basics"), "images", "dot.png")), "image/png"));
        app.MapPost("/upload", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var file = form.Files.Single();
            backend.LastUpload = $"{file.Name} {file.Length} {form["note"]}";
            return Results.Json(new { field = file.Name, size = file.Length, note = form["note"].ToString() });
        });
        app.MapPost("/login", async (LoginRequest login) =>
        {
            using var client = new HttpClient();
            var session = await client.GetStringAsync(
                $"{backend.Simulator}/sns/jscode2session?appid={NetworkSimulator.AppId}&secret=capsule-dev-secret&js_code={Uri.EscapeDataString(login.Code)}&grant_type=authorization_code");
            return Results.Text(session, "application/json");
        });
        app.MapPost("/order", async (OrderRequest order) =>
        {
            using var client = new HttpClient();
            var created = await client.PostAsJsonAsync($"{backend.Simulator}/api/pay/orders", new
            {
                appId = NetworkSimulator.AppId,
                secret = "capsule-dev-secret",
                openId = order.OpenId,
                amount = 1250,
                description = "A cup of tea",
                outTradeNo = order.OutTradeNo,
            });
            return Results.Text(await created.Content.ReadAsStringAsync(), "application/json", statusCode: (int)created.StatusCode);
        });
        app.Map("/echo", EchoAsync);
        await app.StartAsync();
        return backend;
    }

    /// <summary>
    /// A socket that answers "who" with the X-Token header and the protocol it agreed, echoes other text as
    /// "echo: …" and binary messages reversed, closes with 4000 when told "close me", and answers a close with its code.
    /// </summary>
    private static async Task EchoAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var protocol = context.WebSockets.WebSocketRequestedProtocols.FirstOrDefault();
        using var socket = await context.WebSockets.AcceptWebSocketAsync(protocol);
        var buffer = new byte[4096];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, context.RequestAborted);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(socket.CloseStatus ?? WebSocketCloseStatus.Empty, socket.CloseStatusDescription, context.RequestAborted);
                return;
            }
            var bytes = message.ToArray();
            if (received.MessageType == WebSocketMessageType.Binary)
            {
                Array.Reverse(bytes);
                await socket.SendAsync(bytes, WebSocketMessageType.Binary, endOfMessage: true, context.RequestAborted);
                continue;
            }
            var text = Encoding.UTF8.GetString(bytes);
            if (text == "close me")
            {
                await socket.CloseAsync((WebSocketCloseStatus)4000, "server says bye", context.RequestAborted);
                return;
            }
            var answer = text == "who" ? $"hello {context.Request.Headers["X-Token"]} {protocol}" : $"echo: {text}";
            await socket.SendAsync(Encoding.UTF8.GetBytes(answer), WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

public sealed record LoginRequest(string Code);

public sealed record OrderRequest(string OpenId, string OutTradeNo);

/// <summary>The network fixture in <c>capsule dev</c>, with https://api.example.com mocked by <see cref="MockBackend"/>.</summary>
public sealed class NetworkSimulator() : SimulatorFixture(Fixture("network"))
{
    /// <summary>The fixture's appid, from its project.config.json.</summary>
    public const string AppId = "wx00000000000000aa";

    public MockBackend Backend { get; private set; } = null!;

    protected override string[] Arguments => ["--mock", $"https://api.example.com={Backend.Url}", "--mock", $"wss://api.example.com={Backend.SocketUrl}"];

    public override async Task InitializeAsync()
    {
        Backend = await MockBackend.StartAsync();
        await base.InitializeAsync();
        Backend.Simulator = Url;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Backend.DisposeAsync();
    }
}
