using System.CommandLine;
using Capsule.Cli.Commands;

namespace Capsule.Cli;

/// <summary>The <c>capsule</c> command line: one command per verb.</summary>
public static class CliApp
{
    public static RootCommand Create() => new("capsule: build, render and run WeChat-format mini programs")
    {
        RenderCommand.Create(),
        BuildCommand.Create(),
        LoginCommand.Create(),
        UploadCommand.Create(),
        DevCommand.Create(),
    };
}
