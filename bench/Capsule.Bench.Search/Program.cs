using Capsule.Bench;
using Capsule.Bench.Search;
using Microsoft.Data.Sqlite;

// Exact-name search over a million registered programs: in-process latency against a SELECT 1 baseline, and HTTP
// requests/s against /healthz on the real server, all in this run. Usage:
// Capsule.Bench.Search [--data DIR] [--count N] [--samples N] [--seconds N] [--rounds N] [--connections N] [--write-docs]
const int WarmupRounds = 2_000;
const string Usage = "usage: Capsule.Bench.Search [--data DIR] [--count N] [--samples N] [--seconds N] [--rounds N] [--connections N] [--write-docs]";

string? dataDir = null;
var count = SearchReport.DocumentedPrograms;
var samples = 20_000;
var seconds = 10;
var rounds = 2;
var connections = 32;
var writeDocs = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--data" when i + 1 < args.Length:
            dataDir = Path.GetFullPath(args[++i]);
            break;
        case "--count" when Positive(args, i, out var n):
            count = n;
            i++;
            break;
        case "--samples" when Positive(args, i, out var n):
            samples = n;
            i++;
            break;
        case "--seconds" when Positive(args, i, out var n):
            seconds = n;
            i++;
            break;
        case "--rounds" when Positive(args, i, out var n):
            rounds = n;
            i++;
            break;
        case "--connections" when Positive(args, i, out var n):
            connections = n;
            i++;
            break;
        case "--write-docs":
            writeDocs = true;
            break;
        default:
            Console.Error.WriteLine($"bench: unknown argument {args[i]}\n{Usage}");
            return 2;
    }
}
if (writeDocs && count != SearchReport.DocumentedPrograms)
{
    Console.Error.WriteLine($"bench: --write-docs records the {SearchReport.DocumentedPrograms:N0}-program figures; leave --count at its default");
    return 2;
}

var temporary = dataDir is null;
dataDir ??= Path.Combine(Path.GetTempPath(), $"capsule-search-bench-{Environment.ProcessId}");
var work = Path.Combine(Path.GetTempPath(), $"capsule-search-bench-work-{Environment.ProcessId}");
try
{
    var repoRoot = RepoRoot();
    var machine = Machine.Describe(repoRoot);
    var dataset = await Dataset.PrepareAsync(dataDir, count);
    var random = new Random(20261124);
    var hits = await dataset.RandomNamesAsync(samples);
    var misses = Dataset.MissingNames(samples, random);
    if (hits.Length < samples)
    {
        throw new BenchException($"the database has only {hits.Length:N0} released programs; {samples:N0} samples need at least as many");
    }

    Console.WriteLine($"in process: {samples:N0} searches of each kind after {WarmupRounds:N0} warm-up rounds");
    var inProcess = await InProcessSearch.MeasureAsync(dataset, hits, misses, WarmupRounds);
    SqliteConnection.ClearAllPools();

    var load = LoadGenerator.Create(connections, work);
    Console.WriteLine($"over HTTP: {load.Description}");
    await using var server = await ServerUnderTest.StartAsync(repoRoot, dataDir);
    Console.WriteLine($"server at {server.Url}");
    var healthz = new LoadSeries(new LoadTarget("`GET /healthz` (baseline)", ["/healthz"]));
    var searchHit = new LoadSeries(new LoadTarget("**`GET /api/search?q=` existing name**", [.. hits.Select(SearchPath)]));
    var searchMiss = new LoadSeries(new LoadTarget("`GET /api/search?q=` missing name", [.. misses.Select(SearchPath)]));
    await VerifyAsync(server.Url, hits[0], misses[0]);

    // /healthz between the two searches keeps search traffic to half of any minute, under the server's search limit.
    var burst = TimeSpan.FromSeconds(seconds);
    var order = new[] { healthz, searchHit, healthz, searchMiss };
    foreach (var target in order)
    {
        var warm = await load.RunAsync(server.Url, target.Target, TimeSpan.FromSeconds(Math.Min(5, seconds)));
        Console.WriteLine($"  warm-up {target.Target.Name}: {warm.RequestsPerSecond:N0}/s");
    }
    for (var round = 1; round <= rounds; round++)
    {
        foreach (var target in order)
        {
            var run = await load.RunAsync(server.Url, target.Target, burst);
            target.Runs.Add(run);
            Console.WriteLine($"  round {round}/{rounds} {target.Target.Name}: {run.RequestsPerSecond:N0}/s, p99 {run.P99:N0} µs, {run.Failures} failed");
        }
    }
    var series = new[] { healthz, searchHit, searchMiss };
    if (series.Sum(s => s.Failures) is var failed and > 0)
    {
        throw new BenchException($"{failed:N0} requests failed (non-2xx or socket errors), so the figures would not compare; a server that reaches "
            + $"{ServerUnderTest.SearchesPerMinute:N0} searches a minute answers 429: then shorten --seconds");
    }

    var result = new SearchBenchResult(DateTime.UtcNow, machine, dataset, inProcess, load.Description, burst, rounds, healthz, searchHit, searchMiss, Machine.CurrentLoadAverage());
    Console.WriteLine();
    Console.WriteLine(SearchReport.Table(result));
    if (writeDocs)
    {
        var docs = Path.Combine(repoRoot, "docs", "performance.md");
        SearchReport.WriteDocs(docs, result);
        Console.WriteLine($"wrote {docs}");
    }
    return 0;
}
catch (BenchException error)
{
    Console.Error.WriteLine($"bench: {error.Message}");
    return 1;
}
finally
{
    SqliteConnection.ClearAllPools();
    if (Directory.Exists(work))
    {
        Directory.Delete(work, recursive: true);
    }
    if (temporary && Directory.Exists(dataDir))
    {
        Directory.Delete(dataDir, recursive: true);
    }
}

static bool Positive(string[] args, int i, out int value) =>
    int.TryParse(i + 1 < args.Length ? args[i + 1] : null, out value) && value > 0;

static string SearchPath(string name) => "/api/search?q=" + Uri.EscapeDataString(name);

// One search of each kind over HTTP, checked for the answer, before any load.
static async Task VerifyAsync(string baseUrl, string existing, string missing)
{
    using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
    var found = await client.GetStringAsync(SearchPath(existing));
    var none = await client.GetStringAsync(SearchPath(missing));
    if (!found.Contains($"\"name\":\"{existing}\"", StringComparison.Ordinal) || !none.Contains("\"results\":[]", StringComparison.Ordinal))
    {
        throw new BenchException($"the server's search answers are not as expected: {found} / {none}");
    }
    if (await client.GetStringAsync("/healthz") != "ok")
    {
        throw new BenchException("/healthz did not answer ok");
    }
}

static string RepoRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Capsule.slnx")))
        {
            return directory.FullName;
        }
    }
    throw new BenchException($"no Capsule.slnx above {AppContext.BaseDirectory}");
}
