namespace Capsule.Compiler.Projects;

/// <summary>The files of a mini-program project, by path relative to the program root with forward slashes.</summary>
public interface IProjectFiles
{
    IReadOnlyCollection<string> Paths { get; }

    bool Exists(string path);

    string ReadText(string path);

    byte[] ReadBytes(string path);

    /// <summary>The file's size in bytes.</summary>
    long Size(string path);
}
