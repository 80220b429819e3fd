namespace Capsule.Platform.Moments;

/// <summary>A post to Moments: text and images, seen by the author's friends. Never a mini program.</summary>
public sealed class Moment
{
    public long Id { get; set; }

    public required string AuthorId { get; set; }

    public string Text { get; set; } = "";

    /// <summary>Image URLs (https), in order.</summary>
    public List<string> Images { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public List<MomentLike> Likes { get; set; } = [];

    public List<MomentComment> Comments { get; set; } = [];
}
