using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Capsule.Bench.Chat;

/// <summary>A signed-up user: a cookie-carrying client for the HTTP API, and a personal access token for the hub.</summary>
public sealed record BenchUser(string Id, HttpClient Client, string Token);

/// <summary>Sets Capsule up through its public API, as clients would: users, friendships, groups, hub connections.</summary>
public static class CapsuleChat
{
    public const string Password = "Bench-password-1";

    public static async Task<BenchUser> SignUpAsync(Uri server, int number)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 4 }) { BaseAddress = server };
        var profile = await ReadAsync(await client.PostAsJsonAsync("/api/account/sign-up",
            new { email = $"bench{number}-{Guid.NewGuid():N}@bench.capsule", password = Password, nickname = $"Bench {number}" }));
        var token = await ReadAsync(await client.PostAsJsonAsync("/api/account/tokens", new { name = "bench" }));
        return new BenchUser(profile.GetProperty("id").GetString()!, client, token.GetProperty("secret").GetString()!);
    }

    /// <summary>Makes the members friends of each other, then a group of them owned by the first; returns its id.</summary>
    public static async Task<long> GroupAsync(IReadOnlyList<BenchUser> members, string name)
    {
        foreach (var a in members)
        {
            foreach (var b in members.Where(b => b != a))
            {
                await ReadAsync(await a.Client.PostAsJsonAsync("/api/contacts", new { id = b.Id }));
            }
        }
        var group = await ReadAsync(await members[0].Client.PostAsJsonAsync("/api/chats/groups",
            new { name, memberIds = members.Skip(1).Select(m => m.Id).ToArray() }));
        return group.GetProperty("id").GetInt64();
    }

    public static Task SendAsync(BenchUser user, long group) =>
        user.Client.PostAsJsonAsync($"/api/chats/{group}/messages", new { text = Delivery.Stamp() }).ContinueWith(t => ReadAsync(t.Result)).Unwrap();

    /// <summary>A WebSocket connection to <c>/hubs/chat</c> as the user, recording every message it hears.</summary>
    public static async Task<HubConnection> ConnectAsync(Uri server, BenchUser user, Delivery delivery)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/chat"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(user.Token);
            })
            .Build();
        connection.On<JsonElement>("message", message => delivery.Received(message.GetProperty("text").GetString()));
        await connection.StartAsync();
        return connection;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
