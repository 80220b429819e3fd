using System.Text;

namespace Capsule.Compiler.Projects;

/// <summary>A project held in memory, e.g. extracted from an uploaded package or written by a test.</summary>
public sealed class InMemoryProjectFiles(IReadOnlyDictionary<string, byte[]> files) : IProjectFiles
{
    public IReadOnlyCollection<string> Paths => [.. files.Keys];

    public static InMemoryProjectFiles FromText(IReadOnlyDictionary<string, string> files) =>
        new(files.ToDictionary(f => f.Key, f => Encoding.UTF8.GetBytes(f.Value), StringComparer.Ordinal));

    public bool Exists(string path) => files.ContainsKey(path);

    public string ReadText(string path) => Encoding.UTF8.GetString(ReadBytes(path));

    public long Size(string path) => ReadBytes(path).Length;

    public byte[] ReadBytes(string path) =>
        files.TryGetValue(path, out var content) ? content : throw new FileNotFoundException($"{path} is not part of the project");
}
