namespace Capsule.Bench.Chat;

/// <summary>How much memory a process holds, from Linux's /proc.</summary>
public static class ServerMemory
{
    /// <summary>The resident set size of the process, in bytes (VmRSS in /proc/PID/status).</summary>
    public static long ResidentBytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
