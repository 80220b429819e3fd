namespace Capsule.Bench.Search;

/// <summary>Durations of one kind of operation, in microseconds, with nearest-rank percentiles.</summary>
public sealed class Latencies(string name)
{
    private readonly List<double> _microseconds = [];
    private double[]? _sorted;

    public string Name => name;

    public int Count => _microseconds.Count;

    public double P50 => Percentile(50);

    public double P99 => Percentile(99);

    public double Max => Sorted[^1];

    public double Mean => _microseconds.Average();

    private double[] Sorted => _sorted ??= [.. _microseconds.Order()];

    public void Add(TimeSpan duration)
    {
        _microseconds.Add(duration.TotalMicroseconds);
        _sorted = null;
    }

    public double Percentile(double percent)
    {
        var rank = (int)Math.Ceiling(percent / 100 * Sorted.Length);
        return Sorted[Math.Clamp(rank - 1, 0, Sorted.Length - 1)];
    }
}
