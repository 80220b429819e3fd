using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Capsule.Bench.Chat;

/// <summary>
/// What one measured run delivered: each message carries the moment it was sent (this process's monotonic clock),
/// and every connection that receives it records the time it took.
/// </summary>
public sealed class Delivery
{
    private readonly ConcurrentQueue<double> _latencies = new();
    private long _sent;

    /// <summary>The text of a message sent now.</summary>
    public static string Stamp() => "t:" + Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture);

    /// <summary>Forgets what the warm-up sent and delivered.</summary>
    public void Reset()
    {
        _latencies.Clear();
        Interlocked.Exchange(ref _sent, 0);
    }

    public void Sent() => Interlocked.Increment(ref _sent);

    /// <summary>Records one receipt of a message whose text came from <see cref="Stamp"/>; other texts are ignored.</summary>
    public void Received(string? text)
    {
        if (text is ['t', ':', ..] && long.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var sentAt))
        {
            _latencies.Enqueue(Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);
        }
    }

    public long SentCount => Interlocked.Read(ref _sent);

    public int ReceivedCount => _latencies.Count;

    public double Percentile(double p)
    {
        var sorted = _latencies.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * p) - 1)];
    }
}
