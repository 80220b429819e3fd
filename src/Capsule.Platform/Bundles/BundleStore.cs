using System.Text.RegularExpressions;
using Capsule.Compiler.Bundling;
using Microsoft.Extensions.Options;

namespace Capsule.Platform.Bundles;

/// <summary>
/// Content-addressed storage of bundle files on disk. A file is written once under its hash name (to a
/// temporary file first, then moved), so a reader never sees a half-written file and URLs never change.
/// </summary>
public sealed partial class BundleStore(IOptions<CapsuleOptions> options)
{
    private readonly string _root = options.Value.BundlesDir;

    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    public void Save(Bundle bundle)
    {
        Directory.CreateDirectory(_root);
        foreach (var file in bundle.Files)
        {
            var path = Path.Combine(_root, file.Name);
            if (File.Exists(path))
            {
                continue;
            }
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temp, file.Content);
            File.Move(temp, path, overwrite: true);
        }
    }

    /// <summary>The path of a stored file, or null when there is no such file.</summary>
    public string? Find(string name)
    {
        if (!IsValidName(name))
        {
            return null;
        }
        var path = Path.Combine(_root, name);
        return File.Exists(path) ? path : null;
    }

    public static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".map" or ".json" => "application/json; charset=utf-8",
        var other => Assets.ContentType(other.TrimStart('.')) ?? "application/octet-stream",
    };

    [GeneratedRegex("^[0-9a-f]{32}\\.(js|css|json|map|png|jpg|jpeg|gif|webp|svg|bmp|ico|mp3|m4a|aac|wav|ogg|mp4|webm)$")]
    private static partial Regex NamePattern();
}
