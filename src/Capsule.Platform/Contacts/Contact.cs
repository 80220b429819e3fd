using Capsule.Platform.Accounts;

namespace Capsule.Platform.Contacts;

/// <summary>
/// One person adding another. A row each way makes them friends: the second add accepts the first, as in WeChat,
/// where a request must be accepted before either sees the other's Moments or can chat.
/// </summary>
public sealed class Contact
{
    public required string UserId { get; set; }

    public required string ContactId { get; set; }

    public CapsuleUser? ContactUser { get; set; }

    public DateTime CreatedAt { get; set; }
}
