using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Capsule.Bench.Search;

/// <summary>
/// The real Capsule server as a process, started as operators start it: its built assembly (the configuration this
/// benchmark was built in), the data directory in <c>CAPSULE_DATA_DIR</c>, a free loopback port chosen by the OS, and
/// the search rate limit raised to its maximum so that the limiter is passed through but never rejects.
/// </summary>
public sealed partial class ServerUnderTest : IAsyncDisposable
{
    /// <summary>The highest <c>Capsule:SearchesPerMinute</c> the server accepts.</summary>
    public const int SearchesPerMinute = 1_000_000;

    private readonly Process _process;

    private ServerUnderTest(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>The URL the server printed, without a trailing slash.</summary>
    public string Url { get; }

    public static async Task<ServerUnderTest> StartAsync(string repoRoot, string dataDir)
    {
        var configuration = typeof(ServerUnderTest).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var project = Path.Combine(repoRoot, "src", "Capsule.Server");
        var assembly = Path.Combine(project, "bin", configuration, "net10.0", "Capsule.Server.dll");
        if (!File.Exists(assembly))
        {
            throw new BenchException($"{assembly} not found: build src/Capsule.Server in {configuration}");
        }
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { assembly, "--urls", "http://127.0.0.1:0", $"--Capsule:SearchesPerMinute={SearchesPerMinute}" })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["CAPSULE_DATA_DIR"] = dataDir;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var process = new Process { StartInfo = start };
        var url = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && UrlLine().Match(e.Data) is { Success: true } match)
            {
                url.TrySetResult(match.Groups[1].Value.TrimEnd('/'));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var first = await Task.WhenAny(url.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(120)));
        if (first != url.Task)
        {
            var why = process.HasExited ? $"exited with {process.ExitCode}" : "did not print its URL within 120 s";
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            string stderr;
            lock (errors)
            {
                stderr = errors.ToString();
            }
            throw new BenchException($"the server {why}: {stderr.Trim()}");
        }
        var address = await url.Task;
        if (!new Uri(address).IsLoopback)
        {
            process.Kill(entireProcessTree: true);
            throw new BenchException($"the server listens on {address}, which is not a loopback address");
        }
        return new ServerUnderTest(process, address);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"^Capsule is running at (\S+)")]
    private static partial Regex UrlLine();
}
