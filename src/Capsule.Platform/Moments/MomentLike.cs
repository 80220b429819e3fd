namespace Capsule.Platform.Moments;

public sealed class MomentLike
{
    public long MomentId { get; set; }

    public required string UserId { get; set; }

    public DateTime At { get; set; }
}
