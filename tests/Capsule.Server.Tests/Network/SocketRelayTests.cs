using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Capsule.Network;
using Capsule.Platform.Data;
using Capsule.Platform.MiniPrograms;
using Capsule.Platform.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Capsule.Server.Tests.Network;

/// <summary>The relay that carries wx.connectSocket, against a real local wss upstream.</summary>
public sealed class SocketRelayTests(ProxyApiFactory factory) : IClassFixture<ProxyApiFactory>
{
    private static readonly string s_demoAppId = AppId.FromSeed("demo:hello");

    private string Url(string path) => factory.Upstream.SocketOrigin + path;

    /// <summary>A signed-up user, with a client for the API and a personal access token for handshakes.</summary>
    private async Task<(HttpClient Client, string Id, string Token)> UserAsync(bool developer = false)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/account/sign-up", new { email = $"s{Guid.NewGuid():N}@capsule.test", password = "correct horse 42", nickname = "S" });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        if (developer)
        {
            await client.PostAsync("/api/account/developer", null);
        }
        var created = await client.PostAsJsonAsync("/api/account/tokens", new { name = "socket" });
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        return (client, id, token);
    }

    /// <summary>Lists an origin for a program directly in the database: the API refuses localhost, as WeChat does.</summary>
    private async Task ListAsync(string appId, DomainKind kind, string origin)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CapsuleDbContext>();
        var program = await db.MiniPrograms.SingleAsync(p => p.AppId == appId);
        if (!await db.ServerDomains.AnyAsync(d => d.MiniProgramId == program.Id && d.Kind == kind && d.Origin == origin))
        {
            db.ServerDomains.Add(new ServerDomain { MiniProgramId = program.Id, Kind = kind, Origin = origin });
            await db.SaveChangesAsync();
        }
    }

    /// <summary>
    /// Opens the relay as the host does; <paramref name="query"/> is the call (url, protocol, header, timeout). The caller
    /// is a personal access token, or a session cookie (<c>name=value</c>) as the shell sends.
    /// </summary>
    private Task<WebSocket> ConnectAsync(string appId, string? token, string query, string? origin = null)
    {
        var client = factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = request =>
        {
            if (token?.Contains('=', StringComparison.Ordinal) == true)
            {
                request.Headers.Cookie = token;
            }
            else if (token is not null)
            {
                request.Headers.Authorization = $"Bearer {token}";
            }
            if (origin is not null)
            {
                request.Headers.Origin = origin;
            }
        };
        return client.ConnectAsync(new Uri($"ws://localhost/api/programs/{appId}/socket?{query}"), CancellationToken.None);
    }

    private static string Query(string url, string? header = null, params string[] protocols) =>
        $"url={Uri.EscapeDataString(url)}"
        + (header is null ? "" : $"&header={Uri.EscapeDataString(header)}")
        + string.Concat(protocols.Select(p => $"&protocol={Uri.EscapeDataString(p)}"));

    private static async Task<(WebSocketMessageType Type, byte[] Data)> ReceiveAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var message = new MemoryStream();
        var buffer = new byte[4096];
        WebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);
        return (received.MessageType, message.ToArray());
    }

    private static async Task<string> ReceiveTextAsync(WebSocket socket)
    {
        var (type, data) = await ReceiveAsync(socket);
        Assert.Equal(WebSocketMessageType.Text, type);
        return Encoding.UTF8.GetString(data);
    }

    private static Task SendTextAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>Reads up to the upstream's open, and answers what it said of the handshake.</summary>
    private static async Task<JsonElement> OpenedAsync(WebSocket socket)
    {
        Assert.Equal(SocketRelay.Connecting, await ReceiveTextAsync(socket));
        var opened = JsonDocument.Parse(await ReceiveTextAsync(socket)).RootElement;
        Assert.Equal("open", opened.GetProperty("event").GetString());
        return opened;
    }

    [Fact]
    public async Task A_listed_socket_relays_text_and_binary_both_ways_with_the_programs_headers_but_no_cookies()
    {
        await ListAsync(s_demoAppId, DomainKind.Socket, factory.Upstream.SocketOrigin);
        var (_, _, token) = await UserAsync();

        using var socket = await ConnectAsync(s_demoAppId, token, Query(Url("/socket"), """{"X-Custom":"a","Cookie":"c=1","Host":"evil.example"}""", "chat"));

        var opened = await OpenedAsync(socket);
        Assert.Equal("chat", opened.GetProperty("protocol").GetString());
        Assert.Equal("yes", opened.GetProperty("header").GetProperty("X-Upstream").GetString());
        Assert.False(opened.GetProperty("header").TryGetProperty("Set-Cookie", out _));

        await SendTextAsync(socket, "who");
        var said = (await ReceiveTextAsync(socket)).Split('|');
        Assert.Equal("a", said[0]);
        Assert.Equal("", said[1]);
        Assert.StartsWith("Capsule-MiniProgram", said[2], StringComparison.Ordinal);
        Assert.Equal("chat", said[3]);

        await SendTextAsync(socket, "hi");
        Assert.Equal("echo: hi", await ReceiveTextAsync(socket));
        await socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
        var (type, data) = await ReceiveAsync(socket);
        Assert.Equal(WebSocketMessageType.Binary, type);
        Assert.Equal(new byte[] { 3, 2, 1 }, data);
    }

    [Fact]
    public async Task A_close_from_either_side_reaches_the_other_with_its_code_and_reason()
    {
        await ListAsync(s_demoAppId, DomainKind.Socket, factory.Upstream.SocketOrigin);
        var (_, _, token) = await UserAsync();

        using (var program = await ConnectAsync(s_demoAppId, token, Query(Url("/socket"))))
        {
            await OpenedAsync(program);
            await program.CloseAsync((WebSocketCloseStatus)3001, "done", CancellationToken.None);
            Assert.Equal(3001, (int)program.CloseStatus!);
            Assert.Equal("done", program.CloseStatusDescription);
        }

        using var server = await ConnectAsync(s_demoAppId, token, Query(Url("/socket")));
        await OpenedAsync(server);
        await SendTextAsync(server, "close me");
        var (type, _) = await ReceiveAsync(server);
        Assert.Equal(WebSocketMessageType.Close, type);
        Assert.Equal(4000, (int)server.CloseStatus!);
        Assert.Equal("server says bye", server.CloseStatusDescription);
    }

    [Fact]
    public async Task An_upstream_that_drops_the_connection_drops_the_programs()
    {
        await ListAsync(s_demoAppId, DomainKind.Socket, factory.Upstream.SocketOrigin);
        var (_, _, token) = await UserAsync();
        using var socket = await ConnectAsync(s_demoAppId, token, Query(Url("/socket")));
        await OpenedAsync(socket);

        await SendTextAsync(socket, "drop");

        var lost = await Record.ExceptionAsync(() => ReceiveAsync(socket));
        Assert.True(lost is WebSocketException or IOException, $"the connection was not dropped: {socket.State}, {lost}");
    }

    [Theory]
    [InlineData("wss://example.org/socket", "url not in domain list")]
    [InlineData("wss://localhost/socket", "url not in domain list")]
    [InlineData("https://localhost:{0}/socket", "invalid url")]
    [InlineData("ws://localhost:{0}/socket", "url not in domain list")]
    [InlineData("not a url", "invalid url")]
    public async Task A_url_outside_the_socket_list_is_refused_with_WeChats_reason_before_any_message(string template, string reason)
    {
        await ListAsync(s_demoAppId, DomainKind.Socket, factory.Upstream.SocketOrigin);
        var (_, _, token) = await UserAsync();

        using var socket = await ConnectAsync(s_demoAppId, token, Query(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, factory.Upstream.Port)));

        var (type, _) = await ReceiveAsync(socket);
        Assert.Equal(WebSocketMessageType.Close, type);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        Assert.Equal(reason, socket.CloseStatusDescription);
    }

    [Fact]
    public async Task Sockets_have_their_own_list_and_an_unreachable_upstream_fails_after_connecting()
    {
        var (owner, _, token) = await UserAsync(developer: true);
        var appId = await RegisterAsync(owner);
        await ListAsync(appId, DomainKind.Request, factory.Upstream.Origin);
        await ListAsync(appId, DomainKind.Request, factory.Upstream.SocketOrigin);

        using (var refused = await ConnectAsync(appId, token, Query(Url("/socket"))))
        {
            await ReceiveAsync(refused);
            Assert.Equal("url not in domain list", refused.CloseStatusDescription);
        }

        await ListAsync(appId, DomainKind.Socket, "wss://localhost:1");
        using var unreachable = await ConnectAsync(appId, token, Query("wss://localhost:1/socket"));
        Assert.Equal(SocketRelay.Connecting, await ReceiveTextAsync(unreachable));
        var (type, _) = await ReceiveAsync(unreachable);
        Assert.Equal(WebSocketMessageType.Close, type);
        Assert.Equal(WebSocketCloseStatus.InternalServerError, unreachable.CloseStatus);
        Assert.Equal("connection refused", unreachable.CloseStatusDescription);
    }

    [Fact]
    public async Task Only_who_may_run_the_program_gets_a_socket_signed_in_by_token_or_cookie_and_only_from_the_servers_own_pages()
    {
        var (owner, _, ownerToken) = await UserAsync(developer: true);
        var appId = await RegisterAsync(owner);
        await ListAsync(appId, DomainKind.Socket, factory.Upstream.SocketOrigin);
        var (_, _, strangerToken) = await UserAsync();
        var query = Query(Url("/socket"));

        using (var team = await ConnectAsync(appId, ownerToken, query, origin: "http://localhost"))
        {
            await OpenedAsync(team);
        }
        var shell = factory.CreateClient(new() { HandleCookies = false });
        var signIn = await shell.PostAsJsonAsync("/api/account/sign-up", new { email = $"c{Guid.NewGuid():N}@capsule.test", password = "correct horse 42", nickname = "C" });
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        await ListAsync(s_demoAppId, DomainKind.Socket, factory.Upstream.SocketOrigin);
        using (var signedIn = await ConnectAsync(s_demoAppId, cookie, query, origin: "http://localhost"))
        {
            await OpenedAsync(signedIn);
        }
        async Task<string> RefusalAsync(string app, string? token, string? origin = null) =>
            (await Assert.ThrowsAsync<InvalidOperationException>(() => ConnectAsync(app, token, query, origin))).Message;
        Assert.Contains("401", await RefusalAsync(appId, null), StringComparison.Ordinal);
        Assert.Contains("403", await RefusalAsync(appId, strangerToken), StringComparison.Ordinal);
        Assert.Contains("404", await RefusalAsync("wx0000000000000000", ownerToken), StringComparison.Ordinal);
        Assert.Contains("403", await RefusalAsync(appId, ownerToken, origin: "https://evil.example"), StringComparison.Ordinal);

        var plain = await owner.GetAsync($"/api/programs/{appId}/socket?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
    }

    [Fact]
    public async Task The_owner_sets_the_socket_list_with_wss_entries_only()
    {
        var (owner, _, _) = await UserAsync(developer: true);
        var appId = await RegisterAsync(owner);

        var set = await owner.PutAsJsonAsync($"/api/programs/{appId}/domains", new
        {
            request = new[] { "https://api.example.com" },
            socket = new[] { "wss://WS.example.com", "wss://ws.example.com/", "wss://ws.example.com:8443" },
        });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var lists = await owner.GetFromJsonAsync<JsonElement>($"/api/programs/{appId}/domains");
        Assert.Equal(["wss://ws.example.com", "wss://ws.example.com:8443"], lists.GetProperty("socket").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("https://api.example.com", lists.GetProperty("request")[0].GetString());

        var bad = await owner.PutAsJsonAsync($"/api/programs/{appId}/domains", new
        {
            request = new[] { "wss://api.example.com" },
            socket = new[] { "https://ws.example.com", "ws://ws.example.com", "wss://10.0.0.1", "wss://localhost", "wss://ws.example.com/chat" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("\"wss://api.example.com\" is not an https:// address.", errors.GetProperty("request")[0].GetString());
        Assert.Equal(5, errors.GetProperty("socket").GetArrayLength());
        Assert.Equal("\"https://ws.example.com\" is not a wss:// address.", errors.GetProperty("socket")[0].GetString());
    }

    private static async Task<string> RegisterAsync(HttpClient owner)
    {
        var response = await owner.PostAsJsonAsync("/api/programs", new { name = $"Ws {Guid.NewGuid():N}"[..16], category = "tools/calculators" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("appId").GetString()!;
    }
}
