using Capsule.Platform.Chats;

namespace Capsule.Server.Chats;

public sealed record DirectChatRequest(string UserId);

public sealed record GroupRequest(string Name, string[] MemberIds);

public sealed record RenameRequest(string Name);

public sealed record MembersRequest(string[] UserIds);

/// <summary>A message to send: <see cref="Text"/> or a mini-program <see cref="Card"/>; <see cref="ClientId"/> makes retries safe.</summary>
public sealed record SendRequest(string? ClientId, string? Text, ShareCard? Card);

public sealed record ReadRequest(long MessageId);

public sealed record ReadState(long ConversationId, int Unread);

public sealed record ShareInfoRequest(string AppId, string ShareTicket);

public sealed record ShareInfo(string ShareTicket);

public sealed record TicketExchange(string AppId, string AppSecret, string ShareTicket);

public sealed record OpenGroup(string OpenGId);
