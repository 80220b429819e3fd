using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Capsule.Testing;

/// <summary><c>capsule dev &lt;projectRoot&gt; --port 0 [arguments]</c> (DESIGN.md interface 3) in its own process.</summary>
public static partial class SimulatorProcess
{
    public static Task<LaunchedProcess> StartAsync(string projectRoot, params string[] arguments)
    {
        if (!File.Exists(RepoPaths.CliAssembly))
        {
            throw new InvalidOperationException($"{RepoPaths.CliAssembly} is missing: build the solution first.");
        }
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(RepoPaths.CliAssembly);
        start.ArgumentList.Add("dev");
        start.ArgumentList.Add(projectRoot);
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add("0");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return LaunchedProcess.StartListeningAsync(start, UrlLine(), "capsule dev");
    }

    [GeneratedRegex(@"^Capsule simulator running .* at (\S+)")]
    private static partial Regex UrlLine();
}
