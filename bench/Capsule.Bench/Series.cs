namespace Capsule.Bench;

/// <summary>The timings of one compiler across the measured rounds: elapsed (wall-clock) and CPU time.</summary>
public sealed class Series(string name)
{
    public string Name => name;

    public Samples Elapsed { get; } = new();

    public Samples Cpu { get; } = new();

    public void Add(TimeSpan elapsed, TimeSpan cpu)
    {
        Elapsed.Add(elapsed);
        Cpu.Add(cpu);
    }
}

/// <summary>Durations in milliseconds, with their median, minimum and maximum.</summary>
public sealed class Samples
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public double Median
    {
        get
        {
            var sorted = _milliseconds.Order().ToList();
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public double Min => _milliseconds.Min();

    public double Max => _milliseconds.Max();

    public void Add(TimeSpan duration) => _milliseconds.Add(duration.TotalMilliseconds);
}
