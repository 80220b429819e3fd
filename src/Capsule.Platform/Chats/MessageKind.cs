namespace Capsule.Platform.Chats;

public enum MessageKind
{
    Text,

    /// <summary>A mini-program share card.</summary>
    Card,
}
