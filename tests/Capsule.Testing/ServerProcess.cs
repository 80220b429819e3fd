using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Capsule.Testing;

/// <summary>
/// The real Capsule server in its own process, as DESIGN.md interface 4 starts it: its built assembly,
/// a temp data directory, a free port chosen by the OS, the samples published as demo programs.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process) => _process = process;

    /// <summary>The URL the server printed, without a trailing slash.</summary>
    public string Url { get; private set; } = "";

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public string Errors { get { lock (_errors) { return _errors.ToString(); } } }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the server and waits until it prints its URL (or exits).</summary>
    public static async Task<ServerProcess> StartAsync(string dataDir, string urls = "http://127.0.0.1:0", params string[] extraArgs)
    {
        var server = Launch(dataDir, urls, extraArgs);
        var exited = server._process.WaitForExitAsync();
        var first = await Task.WhenAny(server._url.Task, exited, Task.Delay(TimeSpan.FromSeconds(90)));
        if (first != server._url.Task)
        {
            var why = first == exited ? $"exited with {server._process.ExitCode}" : "did not print its URL within 90 s";
            await server.DisposeAsync();
            throw new InvalidOperationException($"The Capsule server {why}.\nstdout:\n{server.Output}\nstderr:\n{server.Errors}");
        }
        server.Url = (await server._url.Task).TrimEnd('/');
        return server;
    }

    /// <summary>Runs the server expecting it to fail at start; returns its exit code and stderr.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunToExitAsync(string dataDir, string urls, params string[] extraArgs)
    {
        await using var server = Launch(dataDir, urls, extraArgs);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await server._process.WaitForExitAsync(timeout.Token);
        server._process.WaitForExit();
        return (server._process.ExitCode, server.Output, server.Errors);
    }

    private static ServerProcess Launch(string dataDir, string urls, string[] extraArgs)
    {
        if (!File.Exists(RepoPaths.ServerAssembly))
        {
            throw new InvalidOperationException($"{RepoPaths.ServerAssembly} is missing: build the solution first.");
        }
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.ServerProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (server._output)
            {
                server._output.AppendLine(e.Data);
            }
            if (UrlLine().Match(e.Data) is { Success: true } match)
            {
                server._url.TrySetResult(match.Groups[1].Value);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (server._errors)
                {
                    server._errors.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
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
