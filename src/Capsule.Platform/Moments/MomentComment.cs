namespace Capsule.Platform.Moments;

public sealed class MomentComment
{
    public long Id { get; set; }

    public long MomentId { get; set; }

    public required string AuthorId { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedAt { get; set; }
}
