using Capsule.Compiler.Projects;

namespace Capsule.Compiler.Bundling;

/// <summary>
/// The program's own media files (images, audio, video) that pages use by path, such as
/// <c>&lt;image src="/images/logo.png"&gt;</c> or a tab bar icon: each becomes a content-hashed bundle file,
/// listed in the manifest by its project path.
/// </summary>
public static class Assets
{
    private static readonly Dictionary<string, string> s_contentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["png"] = "image/png",
        ["jpg"] = "image/jpeg",
        ["jpeg"] = "image/jpeg",
        ["gif"] = "image/gif",
        ["webp"] = "image/webp",
        ["svg"] = "image/svg+xml",
        ["bmp"] = "image/bmp",
        ["ico"] = "image/x-icon",
        ["mp3"] = "audio/mpeg",
        ["m4a"] = "audio/mp4",
        ["aac"] = "audio/aac",
        ["wav"] = "audio/wav",
        ["ogg"] = "audio/ogg",
        ["mp4"] = "video/mp4",
        ["webm"] = "video/webm",
    };

    /// <summary>The extensions (lower case, without the dot) bundled as assets.</summary>
    public static IReadOnlyCollection<string> Extensions => s_contentTypes.Keys;

    public static string? ContentType(string extension) => s_contentTypes.GetValueOrDefault(extension);

    /// <summary>Adds every asset of the project to <paramref name="output"/>; returns project path → bundle file name.</summary>
    public static SortedDictionary<string, string> Collect(IProjectFiles files, List<BundleFile> output)
    {
        var assets = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in files.Paths.Order(StringComparer.Ordinal))
        {
            var extension = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
            if (ContentType(extension) is not { } contentType)
            {
                continue;
            }
            var file = BundleFile.Create(files.ReadBytes(path), extension, contentType);
            output.Add(file);
            assets[path] = file.Name;
        }
        return assets;
    }
}
