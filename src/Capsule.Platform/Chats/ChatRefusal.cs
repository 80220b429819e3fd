namespace Capsule.Platform.Chats;

/// <summary>Why a chat operation was refused, as an HTTP status with a title and a readable detail.</summary>
public sealed record ChatRefusal(int Status, string Title, string Detail)
{
    public static ChatRefusal NoSuchChat(long id) => new(404, "No such chat", $"There is no chat {id} that you are in.");

    public static ChatRefusal Invalid(string detail) => new(400, "Invalid request", detail);
}
