using System.Runtime.InteropServices;
using System.Text;

namespace Capsule.Bench;

/// <summary>Facts about the machine and the code that was measured, printed next to the figures.</summary>
public sealed record Machine(string Cpu, int ProcessorCount, string Nproc, string Os, string Runtime, string LoadAverage, string? Commit)
{
    public static Machine Describe(string repoRoot)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return new Machine(
            cpu ?? RuntimeInformation.ProcessArchitecture.ToString(),
            Environment.ProcessorCount,
            Output("nproc", [], repoRoot) ?? "unknown",
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            CurrentLoadAverage(),
            HeadCommit(repoRoot));
    }

    /// <summary>The 1, 5 and 15 minute load averages from <c>/proc/loadavg</c>.</summary>
    public static string CurrentLoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? HeadCommit(string repoRoot)
    {
        if (Output("git", ["rev-parse", "--short", "HEAD"], repoRoot) is not { } head)
        {
            return null;
        }
        return Output("git", ["status", "--porcelain"], repoRoot) is { Length: > 0 } ? head + " with uncommitted changes" : head;
    }

    private static string? Output(string program, string[] arguments, string directory)
    {
        try
        {
            var result = ProcessRunner.Run(program, arguments, directory);
            return result.Succeeded ? Encoding.UTF8.GetString(result.Output).Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
