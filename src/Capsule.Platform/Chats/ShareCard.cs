namespace Capsule.Platform.Chats;

/// <summary>What a program shares into a chat (from its <c>onShareAppMessage</c>, or the defaults).</summary>
public sealed record ShareCard(string AppId, string Title, string Path, string? ImageUrl);
