using Capsule.Compiler.Manifest;

namespace Capsule.Compiler.Projects;

/// <summary>
/// A project on disk. When <c>project.config.json</c> names a <c>miniprogramRoot</c> inside the project, that
/// folder is the program root. Hidden folders and <c>node_modules</c> are not part of the program.
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
        var configPath = Path.Combine(projectRoot, ProjectConfig.FileName);
        var config = ProjectConfig.Parse(File.Exists(configPath) ? File.ReadAllText(configPath) : null);
        if (config.MiniprogramRoot.Length == 0)
        {
            return projectRoot;
        }
        var full = Path.GetFullPath(Path.Combine(projectRoot, config.MiniprogramRoot));
        return full.StartsWith(projectRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : projectRoot;
    }
}
