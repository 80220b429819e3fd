using System.Diagnostics;

namespace Capsule.Bench;

/// <summary>How a child process ended, what it printed, how long it took from start to exit and the CPU time it used.</summary>
public sealed record ProcessResult(int ExitCode, byte[] Output, string Error, TimeSpan Elapsed, TimeSpan Cpu)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// Runs a program to completion the way Node's <c>spawnSync</c> does: stdout and stderr captured in memory. Its CPU time
/// is the growth of this process's children total, so no other child may run at the same time.
/// </summary>
public static class ProcessRunner
{
    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var cpuBefore = CpuTime.OfChildren();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        copy.Wait();
        var errorText = error.Result;
        clock.Stop();
        return new ProcessResult(process.ExitCode, output.ToArray(), errorText, clock.Elapsed, CpuTime.OfChildren() - cpuBefore);
    }
}
