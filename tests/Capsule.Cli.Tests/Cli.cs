using System.CommandLine;

namespace Capsule.Cli.Tests;

/// <summary>Runs the <c>capsule</c> command line in-process and captures what it prints.</summary>
internal static class Cli
{
    public sealed record Run(int ExitCode, string Output, string Errors);

    public static Run Invoke(params string[] args) => InvokeAsync(args).GetAwaiter().GetResult();

    public static async Task<Run> InvokeAsync(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exitCode = await CliApp.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = errors });
        return new Run(exitCode, output.ToString(), errors.ToString());
    }
}
