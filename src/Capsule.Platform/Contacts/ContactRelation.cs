namespace Capsule.Platform.Contacts;

/// <summary>How another person stands to the one asking.</summary>
public enum ContactRelation
{
    None,
    Self,

    /// <summary>The asker added them; they have not added the asker back.</summary>
    Requested,

    /// <summary>They added the asker; adding them back accepts.</summary>
    RequestedYou,
    Friend,
}
