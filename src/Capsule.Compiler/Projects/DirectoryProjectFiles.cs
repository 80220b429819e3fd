using System.Text.Json;

namespace Capsule.Compiler.Projects;

/// <summary>
/// A project on disk. When <c>project.config.json</c> names a <c>miniprogramRoot</c>, that folder is the
/// program root. Hidden folders and <c>node_modules</c> are not part of the program.
/// </summary>
public sealed class DirectoryProjectFiles : IProjectFiles
{
    private readonly string _root;
    private readonly HashSet<string> _paths;

    public DirectoryProjectFiles(string projectRoot)
    {
        _root = ProgramRoot(Path.GetFullPath(projectRoot));
        _paths = Directory.Exists(_root)
            ? Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/'))
                .Where(p => !p.Split('/').Any(part => part.StartsWith('.') || part == "node_modules"))
                .ToHashSet(StringComparer.Ordinal)
            : [];
    }

    /// <summary>The folder that holds app.json.</summary>
    public string Root => _root;

    public IReadOnlyCollection<string> Paths => _paths;

    public bool Exists(string path) => _paths.Contains(path);

    public string ReadText(string path) => File.ReadAllText(FullPath(path));

    public byte[] ReadBytes(string path) => File.ReadAllBytes(FullPath(path));

    public long Size(string path) => new FileInfo(FullPath(path)).Length;

    private string FullPath(string path) =>
        _paths.Contains(path) ? Path.Combine(_root, path) : throw new FileNotFoundException($"{path} is not part of the project");

    private static string ProgramRoot(string projectRoot)
    {
        var config = Path.Combine(projectRoot, "project.config.json");
        if (!File.Exists(config))
        {
            return projectRoot;
        }
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(config), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("miniprogramRoot", out var root)
                && root.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(root.GetString()))
            {
                var full = Path.GetFullPath(Path.Combine(projectRoot, root.GetString()!));
                return full.StartsWith(projectRoot, StringComparison.Ordinal) ? full : projectRoot;
            }
        }
        catch (JsonException)
        {
            return projectRoot;
        }
        return projectRoot;
    }
}
