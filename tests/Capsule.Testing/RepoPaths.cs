using System.Reflection;

namespace Capsule.Testing;

/// <summary>Where things are in the repository the tests were built from.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Metadata("RepoRoot");

    /// <summary>The build configuration (Debug or Release) the tests, and so the server, were built in.</summary>
    public static string Configuration { get; } = Metadata("Configuration");

    public static string Samples => Path.Combine(Root, "samples");

    public static string Sample(string name) => Path.Combine(Samples, name);

    public static string ServerProject => Path.Combine(Root, "src", "Capsule.Server");

    public static string ServerAssembly => Path.Combine(ServerProject, "bin", Configuration, "net10.0", "Capsule.Server.dll");

    public static string CliAssembly => Path.Combine(Root, "src", "Capsule.Cli", "bin", Configuration, "net10.0", "capsule.dll");

    private static string Metadata(string key) =>
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
