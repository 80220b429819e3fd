using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Capsule.E2E.Tests;

/// <summary>
/// The network fixture's "backend", on 127.0.0.1: <c>capsule dev --mock https://api.example.com=…</c> sends the
/// program's calls to https://api.example.com here.
/// </summary>
public sealed class MockBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MockBackend(WebApplication app) => _app = app;

    public string Url => _app.Urls.First();

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
        await app.StartAsync();
        return backend;
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

    protected override string[] Arguments => ["--mock", $"https://api.example.com={Backend.Url}"];

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
