using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Capsule.Testing;

/// <summary>
/// A program started for a test with its output captured, and the address it prints once it listens:
/// the Capsule server, or <c>capsule dev</c>.
/// </summary>
public sealed class LaunchedProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The operating system's id of the process (for reading its memory use, say).</summary>
    public int ProcessId => _process.Id;

    private LaunchedProcess(ProcessStartInfo start, Regex urlLine)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (_output)
            {
                _output.AppendLine(e.Data);
            }
            if (urlLine.Match(e.Data) is { Success: true } match)
            {
                _url.TrySetResult(match.Groups[1].Value);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_errors)
                {
                    _errors.AppendLine(e.Data);
                }
            }
        };
    }

    /// <summary>The URL the program printed, without a trailing slash.</summary>
    public string Url { get; private set; } = "";

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public string Errors { get { lock (_errors) { return _errors.ToString(); } } }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the program without waiting for anything.</summary>
    public static LaunchedProcess Start(ProcessStartInfo start, Regex urlLine)
    {
        var launched = new LaunchedProcess(start, urlLine);
        launched._process.Start();
        launched._process.BeginOutputReadLine();
        launched._process.BeginErrorReadLine();
        return launched;
    }

    /// <summary>Starts the program and waits until it prints its URL; throws with its output if it exits first.</summary>
    public static async Task<LaunchedProcess> StartListeningAsync(ProcessStartInfo start, Regex urlLine, string name)
    {
        var launched = Start(start, urlLine);
        var exited = launched._process.WaitForExitAsync();
        var first = await Task.WhenAny(launched._url.Task, exited, Task.Delay(TimeSpan.FromSeconds(90)));
        if (first != launched._url.Task)
        {
            var why = first == exited ? $"exited with {launched._process.ExitCode}" : "did not print its URL within 90 s";
            await launched.DisposeAsync();
            throw new InvalidOperationException($"{name} {why}.\nstdout:\n{launched.Output}\nstderr:\n{launched.Errors}");
        }
        launched.Url = (await launched._url.Task).TrimEnd('/');
        return launched;
    }

    /// <summary>Waits for the program to exit by itself.</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        _process.WaitForExit();
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
}
