namespace Capsule.Platform.Chats;

public enum ConversationKind
{
    /// <summary>Two friends; at most one per pair.</summary>
    Direct,
    Group,
}
