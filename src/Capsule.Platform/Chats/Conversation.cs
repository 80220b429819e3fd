namespace Capsule.Platform.Chats;

/// <summary>A 1:1 chat or a group chat.</summary>
public sealed class Conversation
{
    public long Id { get; set; }

    public ConversationKind Kind { get; set; }

    /// <summary>A group's name; null for 1:1 chats, which show the other person's nickname.</summary>
    public string? Name { get; set; }

    /// <summary>Who created the group and may remove others; null for 1:1 chats.</summary>
    public string? OwnerId { get; set; }

    /// <summary>The two user ids of a 1:1 chat in ordinal order, joined by <c>|</c>: unique, so a pair has one chat.</summary>
    public string? DirectKey { get; set; }

    /// <summary>A random secret per group from which its openGIds are derived (<see cref="OpenGroupId"/>).</summary>
    public string? GroupSecret { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<ConversationMember> Members { get; set; } = [];

    public static string DirectKeyOf(string a, string b) => string.CompareOrdinal(a, b) < 0 ? $"{a}|{b}" : $"{b}|{a}";
}
