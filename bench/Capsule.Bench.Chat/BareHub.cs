using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Capsule.Bench.Chat;

/// <summary>
/// The baseline: plain SignalR on the same machine, with the same connections and groups, and a hub method that
/// fans each message out to its group — no sign-in, no database, no history.
/// </summary>
public sealed class BareHub : Hub
{
    public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);

    public Task Send(string group, string text) => Clients.Group(group).SendAsync("message", text);

    public static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<BareHub>("/hub");
        await app.StartAsync();
        return app;
    }
}
