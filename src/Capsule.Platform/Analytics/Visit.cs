namespace Capsule.Platform.Analytics;

/// <summary>One launch of a mini program: which version, by whom (when signed in), where it opened and from which scene.</summary>
public sealed class Visit
{
    public long Id { get; set; }

    public long MiniProgramId { get; set; }

    public long VersionId { get; set; }

    public string? UserId { get; set; }

    /// <summary>The page it opened at, e.g. <c>pages/detail/detail?id=7</c>.</summary>
    public string Path { get; set; } = "";

    /// <summary>WeChat's scene value: 1001 Discover, 1005 search, 1007 shared card, 1047 QR code, …</summary>
    public int Scene { get; set; }

    public DateTime At { get; set; }
}
