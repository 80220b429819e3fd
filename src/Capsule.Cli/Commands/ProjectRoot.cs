using System.CommandLine;

namespace Capsule.Cli.Commands;

/// <summary>The <c>projectRoot</c> argument the project commands share, and its check.</summary>
internal static class ProjectRoot
{
    public static Argument<DirectoryInfo> Argument() => new("projectRoot") { Description = "The folder with app.json (or project.config.json)" };

    /// <summary>The folder, or null after saying on stderr that it does not exist.</summary>
    public static DirectoryInfo? Existing(ParseResult parse, Argument<DirectoryInfo> argument)
    {
        var root = parse.GetValue(argument)!;
        if (root.Exists)
        {
            return root;
        }
        parse.InvocationConfiguration.Error.WriteLine($"capsule: project folder {root.FullName} does not exist");
        return null;
    }
}
