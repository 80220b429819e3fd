using System.Security.Claims;
using Capsule.Platform.Chats;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;

namespace Capsule.Server.Chats;

/// <summary>
/// Chats: 1:1 and group conversations, their messages (saved, then pushed to members over <see cref="ChatHub"/>),
/// history pages, catch-up after a reconnect, unread counts, and share tickets of mini-program cards in groups.
/// </summary>
public static class ChatsApi
{
    public static IEndpointRouteBuilder MapChatsApi(this IEndpointRouteBuilder routes)
    {
        var chats = routes.MapGroup("/api/chats").WithTags("Chats").RequireAuthorization();
        chats.MapGet("/", ListAsync);
        chats.MapGet("/sync", SyncAsync);
        chats.MapPost("/direct", OpenDirectAsync);
        chats.MapPost("/groups", CreateGroupAsync);
        chats.MapGet("/{id:long}", GetAsync);
        chats.MapPut("/{id:long}/name", RenameAsync);
        chats.MapPost("/{id:long}/members", AddMembersAsync);
        chats.MapDelete("/{id:long}/members/{userId}", RemoveMemberAsync);
        chats.MapGet("/{id:long}/messages", HistoryAsync);
        chats.MapPost("/{id:long}/messages", SendAsync).RequireRateLimiting(ChatsSetup.SendLimit);
        chats.MapPost("/{id:long}/read", MarkReadAsync);
        routes.MapPost("/api/share-info", ShareInfoAsync).WithTags("Chats").RequireAuthorization();
        routes.MapPost("/api/share-tickets/exchange", ExchangeAsync).WithTags("Chats").RequireRateLimiting(ChatsSetup.TicketLimit);
        routes.MapHub<ChatHub>(ChatHub.Path);
        return routes;
    }

    private static string Me(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static async Task<Ok<IReadOnlyList<ConversationSummary>>> ListAsync(ClaimsPrincipal user, Conversations chats, CancellationToken cancellationToken) =>
        TypedResults.Ok(await chats.ListAsync(Me(user), cancellationToken));

    /// <summary>Everything after <c>after</c> in all the caller's chats, oldest first (what a reconnecting client missed).</summary>
    private static async Task<Ok<MessagePage>> SyncAsync(long after, int? limit, ClaimsPrincipal user, Conversations chats, CancellationToken cancellationToken) =>
        TypedResults.Ok(await chats.SyncAsync(Me(user), after, limit ?? ChatLimits.MaxPage, cancellationToken));

    private static async Task<Results<Ok<ConversationDetail>, Created<ConversationDetail>, ProblemHttpResult>> OpenDirectAsync(
        DirectChatRequest request, ClaimsPrincipal user, Conversations chats, CancellationToken cancellationToken)
    {
        var (chat, created, refusal) = await chats.OpenDirectAsync(Me(user), request.UserId ?? "", cancellationToken);
        if (refusal is not null)
        {
            return refusal.ToProblem();
        }
        return created ? TypedResults.Created($"/api/chats/{chat!.Id}", chat) : TypedResults.Ok(chat!);
    }

    private static async Task<Results<Created<ConversationDetail>, ProblemHttpResult>> CreateGroupAsync(
        GroupRequest request, ClaimsPrincipal user, Conversations chats, IHubContext<ChatHub> hub, CancellationToken cancellationToken)
    {
        var (chat, refusal) = await chats.CreateGroupAsync(Me(user), request.Name, request.MemberIds ?? [], cancellationToken);
        if (refusal is not null)
        {
            return refusal.ToProblem();
        }
        await hub.Clients.Users(chat!.Members.Select(m => m.Id)).SendAsync(ChatHub.ConversationEvent, chat, cancellationToken);
        return TypedResults.Created($"/api/chats/{chat.Id}", chat);
    }

    private static async Task<Results<Ok<ConversationDetail>, ProblemHttpResult>> GetAsync(
        long id, ClaimsPrincipal user, Conversations chats, CancellationToken cancellationToken) =>
        await chats.DetailAsync(Me(user), id, cancellationToken) is { } chat ? TypedResults.Ok(chat) : ChatRefusal.NoSuchChat(id).ToProblem();

    private static async Task<Results<Ok<ConversationDetail>, ProblemHttpResult>> RenameAsync(
        long id, RenameRequest request, ClaimsPrincipal user, Conversations chats, IHubContext<ChatHub> hub, CancellationToken cancellationToken) =>
        await Announce(await chats.RenameGroupAsync(Me(user), id, request.Name, cancellationToken), hub, cancellationToken);

    private static async Task<Results<Ok<ConversationDetail>, ProblemHttpResult>> AddMembersAsync(
        long id, MembersRequest request, ClaimsPrincipal user, Conversations chats, IHubContext<ChatHub> hub, CancellationToken cancellationToken) =>
        await Announce(await chats.AddMembersAsync(Me(user), id, request.UserIds ?? [], cancellationToken), hub, cancellationToken);

    private static async Task<Results<Ok<ConversationDetail>, ProblemHttpResult>> RemoveMemberAsync(
        long id, string userId, ClaimsPrincipal user, Conversations chats, IHubContext<ChatHub> hub, CancellationToken cancellationToken) =>
        await Announce(await chats.RemoveMemberAsync(Me(user), id, userId, cancellationToken), hub, cancellationToken);

    private static async Task<Results<Ok<ConversationDetail>, ProblemHttpResult>> Announce(
        (MembershipChange? Change, ChatRefusal? Refusal) outcome, IHubContext<ChatHub> hub, CancellationToken cancellationToken)
    {
        if (outcome.Refusal is not null)
        {
            return outcome.Refusal.ToProblem();
        }
        var change = outcome.Change!;
        await hub.Clients.Users(change.NotifyIds).SendAsync(ChatHub.ConversationEvent, change.Conversation, cancellationToken);
        return TypedResults.Ok(change.Conversation);
    }

    /// <summary>A page of history: <c>before</c> an id for older messages, or <c>after</c> an id to catch up; at most 100.</summary>
    private static async Task<Results<Ok<MessagePage>, ProblemHttpResult>> HistoryAsync(
        long id, long? before, long? after, int? limit, ClaimsPrincipal user, Conversations chats, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > ChatLimits.MaxPage)
        {
            return ChatRefusal.Invalid($"limit is 1 to {ChatLimits.MaxPage}.").ToProblem();
        }
        var (page, refusal) = await chats.HistoryAsync(Me(user), id, before, after, limit ?? 30, cancellationToken);
        return refusal is null ? TypedResults.Ok(page!) : refusal.ToProblem();
    }

    private static async Task<Results<Created<MessageView>, Ok<MessageView>, ProblemHttpResult>> SendAsync(
        long id, SendRequest request, ClaimsPrincipal user, Conversations chats, IHubContext<ChatHub> hub, CancellationToken cancellationToken)
    {
        var (delivery, refusal) = await chats.SendAsync(Me(user), id, request.ClientId, request.Text, request.Card, cancellationToken);
        if (refusal is not null)
        {
            return refusal.ToProblem();
        }
        if (!delivery!.IsNew)
        {
            return TypedResults.Ok(delivery.Message);
        }
        // Saved first: a member whose connection misses this push gets the message from /sync when it reconnects.
        await hub.Clients.Users(delivery.MemberIds).SendAsync(ChatHub.MessageEvent, delivery.Message, CancellationToken.None);
        return TypedResults.Created($"/api/chats/{id}/messages?after={delivery.Message.Id - 1}&limit=1", delivery.Message);
    }

    private static async Task<Results<Ok<ReadState>, ProblemHttpResult>> MarkReadAsync(
        long id, ReadRequest request, ClaimsPrincipal user, Conversations chats, CancellationToken cancellationToken)
    {
        var (unread, refusal) = await chats.MarkReadAsync(Me(user), id, request.MessageId, cancellationToken);
        return refusal is null ? TypedResults.Ok(new ReadState(id, unread)) : refusal.ToProblem();
    }

    /// <summary>What <c>wx.getShareInfo</c> asks: is the caller in the group this program's card came from.</summary>
    private static async Task<Results<Ok<ShareInfo>, ProblemHttpResult>> ShareInfoAsync(
        ShareInfoRequest request, ClaimsPrincipal user, Conversations chats, CancellationToken cancellationToken) =>
        await chats.HoldsTicketAsync(Me(user), request.AppId ?? "", request.ShareTicket ?? "", cancellationToken)
            ? TypedResults.Ok(new ShareInfo(request.ShareTicket!))
            : new ChatRefusal(404, "No such share ticket", "The share ticket is not from a group you are in, or not for this program.").ToProblem();

    /// <summary>A program's backend, with its appid and appsecret, turns a share ticket into the group's openGId.</summary>
    private static async Task<Results<Ok<OpenGroup>, ProblemHttpResult>> ExchangeAsync(
        TicketExchange request, Conversations chats, CancellationToken cancellationToken)
    {
        var (openGId, refusal) = await chats.ExchangeTicketAsync(request.AppId ?? "", request.AppSecret ?? "", request.ShareTicket ?? "", cancellationToken);
        return refusal is null ? TypedResults.Ok(new OpenGroup(openGId!)) : refusal.ToProblem();
    }
}
