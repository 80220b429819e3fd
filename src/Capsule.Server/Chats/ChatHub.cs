using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Capsule.Server.Chats;

/// <summary>
/// <c>/hubs/chat</c>: the server tells signed-in clients, by user id, of new messages (<c>message</c>) and of changed
/// groups (<c>conversation</c>). Clients send through the HTTP API, which saves first; after a reconnect a client asks
/// <c>GET /api/chats/sync?after=</c> for what it missed.
/// </summary>
[Authorize]
public sealed class ChatHub : Hub
{
    public const string Path = "/hubs/chat";

    public const string MessageEvent = "message";

    public const string ConversationEvent = "conversation";
}
