using Capsule.Platform.Accounts;

namespace Capsule.Platform.Chats;

/// <summary>A person in a conversation, and how far they have read it.</summary>
public sealed class ConversationMember
{
    public long ConversationId { get; set; }

    public Conversation? Conversation { get; set; }

    public required string UserId { get; set; }

    public CapsuleUser? User { get; set; }

    /// <summary>The id of the last message they have read; messages after it from others are unread.</summary>
    public long LastReadMessageId { get; set; }

    public DateTime JoinedAt { get; set; }
}
