using System.Runtime.InteropServices;

namespace Capsule.Bench;

/// <summary>
/// User plus system CPU time from <c>getrusage</c>: of this process, or of its finished child processes. Unlike elapsed
/// time, it hardly changes when other programs load the machine.
/// </summary>
public static partial class CpuTime
{
    private const int Self = 0;
    private const int Children = -1;

    public static TimeSpan OfSelf() => Get(Self);

    /// <summary>The total for every child process that has exited and been waited for.</summary>
    public static TimeSpan OfChildren() => Get(Children);

    private static TimeSpan Get(int who)
    {
        if (GetRusage(who, out var usage) != 0)
        {
            throw new BenchException($"getrusage failed: errno {Marshal.GetLastPInvokeError()}");
        }
        return TimeSpan.FromSeconds(usage.UserSeconds + usage.SystemSeconds)
            + TimeSpan.FromMicroseconds(usage.UserMicroseconds + usage.SystemMicroseconds);
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRusage(int who, out Rusage usage);

    /// <summary>Linux <c>struct rusage</c>: two <c>timeval</c>s, then fourteen counters that are not read here.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
    }
}
