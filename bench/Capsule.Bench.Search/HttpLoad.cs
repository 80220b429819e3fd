using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Capsule.Bench.Search;

/// <summary>An endpoint under load: the request paths sent in turn, each already percent-encoded.</summary>
public sealed record LoadTarget(string Name, IReadOnlyList<string> Paths);

/// <summary>One timed burst against one target: requests completed, failures (non-2xx, socket errors, timeouts), latencies in microseconds.</summary>
public sealed record LoadRun(long Requests, long Failures, TimeSpan Duration, double P50, double P99)
{
    public double RequestsPerSecond => Requests / Duration.TotalSeconds;
}

/// <summary>The bursts against one target across the rounds.</summary>
public sealed class LoadSeries(LoadTarget target)
{
    public LoadTarget Target => target;

    public List<LoadRun> Runs { get; } = [];

    /// <summary>All requests over all the bursts' time.</summary>
    public double RequestsPerSecond => Runs.Sum(r => r.Requests) / Runs.Sum(r => r.Duration.TotalSeconds);

    public long Failures => Runs.Sum(r => r.Failures);
}

/// <summary>Sends requests to a loopback server for a fixed time with a fixed number of open connections.</summary>
public abstract class LoadGenerator
{
    protected LoadGenerator(int connections) => Connections = connections;

    public int Connections { get; }

    /// <summary>What generates the load, for the report.</summary>
    public abstract string Description { get; }

    /// <summary><c>wrk</c> when it is installed, otherwise an in-process <see cref="HttpClient"/> loop.</summary>
    public static LoadGenerator Create(int connections, string workDir)
    {
        Directory.CreateDirectory(workDir);
        return WrkLoad.Find() is { } wrk ? new WrkLoad(wrk, connections, workDir) : new HttpClientLoad(connections);
    }

    public Task<LoadRun> RunAsync(string baseUrl, LoadTarget target, TimeSpan duration)
    {
        if (!new Uri(baseUrl).IsLoopback)
        {
            throw new BenchException($"{baseUrl} is not a loopback address; load is only ever sent to this machine");
        }
        return RunLoopbackAsync(baseUrl, target, duration);
    }

    protected abstract Task<LoadRun> RunLoopbackAsync(string baseUrl, LoadTarget target, TimeSpan duration);
}

/// <summary>
/// Debian's <c>wrk</c> (one thread, so the server keeps the other core), with a Lua script that cycles through the
/// target's paths and prints the totals; the same script shape serves every target so the generator's own cost is alike.
/// </summary>
public sealed class WrkLoad(string wrk, int connections, string workDir) : LoadGenerator(connections)
{
    public const int Threads = 1;

    public override string Description => $"wrk {WrkVersion()}, {Threads} thread, {Connections} connections, HTTP/1.1 keep-alive";

    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "wrk"))
            .FirstOrDefault(File.Exists);

    protected override async Task<LoadRun> RunLoopbackAsync(string baseUrl, LoadTarget target, TimeSpan duration)
    {
        var script = Path.Combine(workDir, $"{string.Concat(target.Name.Where(char.IsAsciiLetterOrDigit))}.lua");
        await File.WriteAllTextAsync(script, Script(target.Paths));
        var seconds = ((int)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var run = await Task.Run(() => ProcessRunner.Run(wrk,
            ["-t", Threads.ToString(CultureInfo.InvariantCulture), "-c", Connections.ToString(CultureInfo.InvariantCulture), "-d", $"{seconds}s", "--timeout", "5s", "-s", script, baseUrl],
            workDir));
        var output = Encoding.UTF8.GetString(run.Output);
        var totals = output.Split('\n').FirstOrDefault(l => l.StartsWith("BENCH ", StringComparison.Ordinal));
        if (!run.Succeeded || totals is null)
        {
            throw new BenchException($"wrk failed (exit {run.ExitCode}): {output.Trim()} {run.Error.Trim()}");
        }
        var values = totals[6..].Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture));
        var failures = values["status"] + values["connect"] + values["read"] + values["write"] + values["timeout"];
        return new LoadRun(values["requests"], failures, TimeSpan.FromMicroseconds(values["duration"]), values["p50"], values["p99"]);
    }

    private static string Script(IReadOnlyList<string> paths)
    {
        var text = new StringBuilder("local paths = {\n");
        foreach (var path in paths)
        {
            text.Append("  \"").Append(path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\",\n");
        }
        text.Append("""
            }
            local count = #paths
            local turn = 0

            request = function()
              turn = turn % count + 1
              return wrk.format(nil, paths[turn])
            end

            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("BENCH requests=%d duration=%d status=%d connect=%d read=%d write=%d timeout=%d p50=%d p99=%d\n",
                summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
                latency:percentile(50), latency:percentile(99)))
            end

            """);
        return text.ToString();
    }

    private string WrkVersion()
    {
        var run = ProcessRunner.Run(wrk, ["--version"], workDir);
        var line = Encoding.UTF8.GetString(run.Output).Split('\n')[0];
        return line.StartsWith("wrk ", StringComparison.Ordinal) ? line.Split(' ')[1] : "(unknown version)";
    }
}

/// <summary>The fallback when <c>wrk</c> is missing: workers in this process, one per connection, each sending its next request when the last one is read.</summary>
public sealed class HttpClientLoad(int connections) : LoadGenerator(connections)
{
    public override string Description => $"in-process HttpClient loop (wrk not installed), {Connections} connections, HTTP/1.1 keep-alive";

    protected override async Task<LoadRun> RunLoopbackAsync(string baseUrl, LoadTarget target, TimeSpan duration)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections, UseCookies = false })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(5),
        };
        var latencies = new Latencies(target.Name);
        long requests = 0, failures = 0, next = 0;
        var clock = Stopwatch.StartNew();
        async Task WorkAsync()
        {
            var own = new List<TimeSpan>();
            while (clock.Elapsed < duration)
            {
                var path = target.Paths[(int)(Interlocked.Increment(ref next) % target.Paths.Count)];
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(path);
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }
                catch (TaskCanceledException)
                {
                    Interlocked.Increment(ref failures);
                }
                own.Add(Stopwatch.GetElapsedTime(start));
                Interlocked.Increment(ref requests);
            }
            lock (latencies)
            {
                own.ForEach(latencies.Add);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(_ => Task.Run(WorkAsync)));
        var elapsed = clock.Elapsed;
        return new LoadRun(requests, failures, elapsed, latencies.P50, latencies.P99);
    }
}
