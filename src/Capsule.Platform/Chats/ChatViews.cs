using Capsule.Platform.Contacts;

namespace Capsule.Platform.Chats;

/// <summary>A share card as members see it.</summary>
public sealed record CardView(string AppId, string Name, string? IconUrl, string Title, string Path, string? ImageUrl, string? ShareTicket);

/// <summary>A message as members see it. <see cref="Kind"/> is <c>text</c> or <c>card</c>.</summary>
public sealed record MessageView(
    long Id, long ConversationId, string SenderId, string SenderNickname, string Kind, string? Text, CardView? Card, DateTime SentAt, string? ClientId);

/// <summary>A page of messages, oldest first; <see cref="HasMore"/> says whether there are more in the direction asked.</summary>
public sealed record MessagePage(IReadOnlyList<MessageView> Messages, bool HasMore);

/// <summary>A conversation in the list: its title (the group name, or the other person's nickname), last message and unread count.</summary>
public sealed record ConversationSummary(
    long Id, string Kind, string Title, string? OwnerId, int MemberCount, MessageView? LastMessage, int Unread, DateTime CreatedAt);

/// <summary>A conversation with its members.</summary>
public sealed record ConversationDetail(long Id, string Kind, string Title, string? OwnerId, IReadOnlyList<PublicUser> Members);

/// <summary>A sent message and who should hear of it.</summary>
public sealed record Delivery(MessageView Message, IReadOnlyList<string> MemberIds, bool IsNew);

/// <summary>A changed conversation and who should hear of it (members now and anyone just removed).</summary>
public sealed record MembershipChange(ConversationDetail Conversation, IReadOnlyList<string> NotifyIds);
