using System.Security.Cryptography;
using System.Text;
using Capsule.Compiler;
using Capsule.Compiler.Bundling;
using Capsule.Compiler.Manifest;
using Capsule.Compiler.Projects;

namespace Capsule.Cli.Dev;

/// <summary>
/// The project <c>capsule dev</c> serves: compiled again whenever a file changes (its version is a
/// fingerprint of every file's path, size and time), with every bundle file compiled so far kept
/// by its content-hashed name so a page loaded before a change still finds its files.
/// </summary>
internal sealed class DevProject(string projectRoot)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, BundleFile> _files = new(StringComparer.Ordinal);
    private string? _compiledVersion;
    private CompileResult? _result;

    public string Root { get; } = Path.GetFullPath(projectRoot);

    public string AppId => Config().AppId ?? "wxdevelopment";

    /// <summary>project.config.json's setting.urlCheck, read at each call so a change applies without a restart.</summary>
    public bool UrlCheck => Config().UrlCheck;

    private ProjectConfig Config()
    {
        var path = Path.Combine(Root, ProjectConfig.FileName);
        return ProjectConfig.Parse(System.IO.File.Exists(path) ? System.IO.File.ReadAllText(path) : null);
    }

    /// <summary>A fingerprint of the project's files: it changes when any file is added, removed or written.</summary>
    public string Version()
    {
        var text = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Root, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.') || part == "node_modules"))
            {
                continue;
            }
            var info = new FileInfo(file);
            text.Append(relative).Append('|').Append(info.Length).Append('|').Append(info.LastWriteTimeUtc.Ticks).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>The current compile result, compiling again if the project changed since the last one.</summary>
    public (CompileResult Result, string Version) Current()
    {
        var version = Version();
        lock (_gate)
        {
            if (_result is null || _compiledVersion != version)
            {
                _result = ProjectCompiler.Compile(new DirectoryProjectFiles(Root));
                _compiledVersion = version;
                foreach (var file in _result.Bundle?.Files ?? [])
                {
                    _files[file.Name] = file;
                }
            }
            return (_result, version);
        }
    }

    public BundleFile? FileNamed(string name)
    {
        lock (_gate)
        {
            return _files.GetValueOrDefault(name);
        }
    }
}
