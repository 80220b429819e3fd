using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Capsule.Testing;

/// <summary>
/// The real Capsule server in its own process, as DESIGN.md interface 4 starts it: its built assembly,
/// a temp data directory, a free port chosen by the OS, the samples published as demo programs.
/// </summary>
public static partial class ServerProcess
{
    /// <summary>Starts the server and waits until it prints its URL (or exits).</summary>
    public static Task<LaunchedProcess> StartAsync(string dataDir, string urls = "http://127.0.0.1:0", params string[] extraArgs) =>
        LaunchedProcess.StartListeningAsync(StartInfo(dataDir, urls, extraArgs), UrlLine(), "The Capsule server");

    /// <summary>Runs the server expecting it to fail at start; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunToExitAsync(string dataDir, string urls, params string[] extraArgs)
    {
        await using var server = LaunchedProcess.Start(StartInfo(dataDir, urls, extraArgs), UrlLine());
        await server.WaitForExitAsync(TimeSpan.FromSeconds(90));
        return (server.ExitCode, server.Output, server.Errors);
    }

    private static ProcessStartInfo StartInfo(string dataDir, string urls, string[] extraArgs)
    {
        if (!File.Exists(RepoPaths.ServerAssembly))
        {
            throw new InvalidOperationException($"{RepoPaths.ServerAssembly} is missing: build the solution first.");
        }
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoPaths.ServerProject };
        start.ArgumentList.Add(RepoPaths.ServerAssembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(urls);
        start.ArgumentList.Add($"--Capsule:DemoSamples={RepoPaths.Samples}");
        foreach (var arg in extraArgs)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["CAPSULE_DATA_DIR"] = dataDir;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("Capsule__DataDir");
        return start;
    }

    [GeneratedRegex(@"^Capsule is running at (\S+)")]
    private static partial Regex UrlLine();
}
