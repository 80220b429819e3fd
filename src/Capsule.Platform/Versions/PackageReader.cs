using System.IO.Compression;
using Capsule.Compiler.Manifest;
using Capsule.Compiler.Projects;

namespace Capsule.Platform.Versions;

/// <summary>
/// Opens an uploaded zip of a WeChat project without trusting it: paths that would leave the project
/// (zip-slip) are refused, expanded sizes are counted as read rather than taken from headers, and too many
/// entries, too much data or an extreme compression ratio (a zip bomb) stop the read. A zip of a folder
/// (one top-level directory around app.json) and project.config.json's miniprogramRoot are both honoured.
/// </summary>
public static class PackageReader
{
    private const long RatioCheckedAbove = 1024 * 1024;

    /// <summary>The project's files and its project.config.json, or why the package cannot be used.</summary>
    public static (IProjectFiles? Files, ProjectConfig Config, string? Problem) Read(byte[] package, UploadLimits limits)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            return (null, ProjectConfig.Empty, "The package is not a zip file.");
        }
        using (zip)
        {
            if (zip.Entries.Count > limits.MaxEntries)
            {
                return (null, ProjectConfig.Empty, $"The package has {zip.Entries.Count} entries; at most {limits.MaxEntries} are allowed.");
            }
            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            long expanded = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\'))
                {
                    continue;
                }
                if (SafePath(entry.FullName) is not { } path)
                {
                    return (null, ProjectConfig.Empty, $"The package entry \"{entry.FullName}\" points outside the project.");
                }
                var (content, problem) = ReadEntry(entry, limits, limits.MaxExpandedBytes - expanded);
                if (problem is not null)
                {
                    return (null, ProjectConfig.Empty, problem);
                }
                expanded += content!.Length;
                files[path] = content;
            }
            var config = ProjectConfig.Parse(ConfigText(files));
            return (new InMemoryProjectFiles(ProgramRoot(files)), config, null);
        }
    }

    /// <summary>A normalized relative path, or null for one that is absolute or climbs out with "..".</summary>
    internal static string? SafePath(string name)
    {
        var path = name.Replace('\\', '/');
        if (path.StartsWith('/') || (path.Length > 1 && path[1] == ':') || path.Contains('\0'))
        {
            return null;
        }
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToList();
        return parts.Count == 0 || parts.Contains("..") ? null : string.Join('/', parts);
    }

    private static (byte[]? Content, string? Problem) ReadEntry(ZipArchiveEntry entry, UploadLimits limits, long budget)
    {
        using var input = entry.Open();
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            output.Write(buffer, 0, read);
            if (output.Length > budget)
            {
                return (null, $"The package expands to more than {limits.MaxExpandedBytes / (1024 * 1024)} MB.");
            }
            if (output.Length > RatioCheckedAbove && output.Length > Math.Max(1, entry.CompressedLength) * limits.MaxCompressionRatio)
            {
                return (null, $"The package entry \"{entry.FullName}\" expands more than {limits.MaxCompressionRatio} times: it looks like a zip bomb.");
            }
        }
        return (output.ToArray(), null);
    }

    /// <summary>project.config.json's text, at the root or inside a single top-level folder.</summary>
    private static string? ConfigText(Dictionary<string, byte[]> files)
    {
        var path = files.Keys.Where(p => p == ProjectConfig.FileName || p.EndsWith("/" + ProjectConfig.FileName, StringComparison.Ordinal)).MinBy(p => p.Length);
        return path is null ? null : System.Text.Encoding.UTF8.GetString(files[path]);
    }

    /// <summary>Unwraps a single top-level folder and applies miniprogramRoot, so paths start at app.json.</summary>
    private static Dictionary<string, byte[]> ProgramRoot(Dictionary<string, byte[]> files)
    {
        if (!files.ContainsKey(AppManifest.FileName) && !files.ContainsKey(ProjectConfig.FileName))
        {
            var tops = files.Keys.Select(p => p.Split('/')[0]).Distinct().ToList();
            if (tops.Count == 1 && files.Keys.All(p => p.Contains('/')))
            {
                files = Strip(files, tops[0] + "/");
            }
        }
        if (files.TryGetValue(ProjectConfig.FileName, out var config)
            && ProjectConfig.Parse(System.Text.Encoding.UTF8.GetString(config)).MiniprogramRoot is { Length: > 0 } root)
        {
            files = Strip(files, root + "/");
        }
        return files.Where(f => !f.Key.Split('/').Any(part => part.StartsWith('.') || part == "node_modules"))
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
    }

    private static Dictionary<string, byte[]> Strip(Dictionary<string, byte[]> files, string prefix) =>
        files.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(f => f.Key[prefix.Length..], f => f.Value, StringComparer.Ordinal);
}
