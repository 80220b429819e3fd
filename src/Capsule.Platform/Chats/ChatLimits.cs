using System.Text.RegularExpressions;

namespace Capsule.Platform.Chats;

/// <summary>Sizes allowed in chats and share cards.</summary>
public static partial class ChatLimits
{
    public const int MaxText = 4000;
    public const int MaxGroupName = 64;
    public const int MaxGroupMembers = 500;
    public const int MaxCardTitle = 128;
    public const int MaxCardPath = 1024;
    public const int MaxUrl = 1024;
    public const int MaxClientId = 64;
    public const int MaxPage = 100;

    /// <summary>
    /// A card image is a bundle file of the program (<c>/bundles/&lt;hash&gt;.png</c>, as the host resolves a bundle-relative
    /// path) or an https URL; never <c>javascript:</c>, <c>data:</c> or anything else.
    /// </summary>
    public static bool IsAllowedImage(string url) =>
        url.Length <= MaxUrl
        && (BundleImage().IsMatch(url)
            || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host)));

    /// <summary>A page path with an optional query, such as <c>pages/detail/detail?id=7</c> (a leading / is dropped).</summary>
    public static bool IsPagePath(string path) => path.Length <= MaxCardPath && PagePath().IsMatch(path);

    [GeneratedRegex("^/bundles/[0-9a-f]{32}\\.(png|jpe?g|gif|webp|svg|bmp|ico)$")]
    private static partial Regex BundleImage();

    [GeneratedRegex("^[A-Za-z0-9_\\-./]+(\\?[^#\\s]*)?$")]
    private static partial Regex PagePath();
}
