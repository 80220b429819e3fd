using Capsule.Platform.Accounts;

namespace Capsule.Platform.Chats;

/// <summary>
/// A message. Ids grow with every message on the node's database, so a client that remembers the last id it has can
/// ask for everything after it, across all its conversations.
/// </summary>
public sealed class ChatMessage
{
    public long Id { get; set; }

    public long ConversationId { get; set; }

    public required string SenderId { get; set; }

    public CapsuleUser? Sender { get; set; }

    /// <summary>The sender's own id for the message, so a retry after a lost answer does not send it twice.</summary>
    public string? ClientId { get; set; }

    public MessageKind Kind { get; set; }

    public string? Text { get; set; }

    public string? CardAppId { get; set; }

    /// <summary>The program's name and icon when the card was sent, as the platform knew them.</summary>
    public string? CardName { get; set; }

    public string? CardIconUrl { get; set; }

    public string? CardTitle { get; set; }

    public string? CardPath { get; set; }

    public string? CardImageUrl { get; set; }

    /// <summary>For a card in a group: the ticket the program can exchange for the group's openGId.</summary>
    public string? ShareTicket { get; set; }

    public DateTime SentAt { get; set; }
}
