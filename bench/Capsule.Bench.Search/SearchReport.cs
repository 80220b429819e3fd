using System.Globalization;
using System.Text;
using Capsule.Platform;

namespace Capsule.Bench.Search;

/// <summary>The figures of one run.</summary>
public sealed record SearchBenchResult(
    DateTime Date,
    Machine Machine,
    Dataset Dataset,
    InProcessResult InProcess,
    string LoadGenerator,
    TimeSpan Burst,
    int Rounds,
    LoadSeries Healthz,
    LoadSeries SearchHit,
    LoadSeries SearchMiss,
    string LoadAverageAfter);

/// <summary>Renders a run as Markdown and keeps the search section of <c>docs/performance.md</c> up to date.</summary>
public static class SearchReport
{
    public const int DocumentedPrograms = 1_000_000;

    public const string Heading = "## Platform: exact-name search over 1,000,000 programs";

    /// <summary>The in-process goal: the 99th percentile of a search, in microseconds.</summary>
    public const double P99Goal = 1000;

    /// <summary>The HTTP goal: search requests per second as a share of <c>/healthz</c>'s.</summary>
    public const double RatioGoal = 0.70;

    /// <summary>How much the HTTP ratios move between runs, measured when the goals were first met; printed with every run.</summary>
    private const string Variation = """
        How much the HTTP ratios move between runs on this machine (2026-11-24, three runs within ten minutes, the second
        with the load average rising from 2.9 to 6.6 during it): existing names 71.5%, 67.9% and 73.3%, missing names
        74.2%, 83.8% and 79.2%. So the existing-name ratio is close to the goal. Each search burst starts with its 20,000 answers uncached,
        and an answer read from the database costs the server about three times the CPU of a cached one (105–115 µs
        against 30–40 µs per request, measured with the cache off and with every answer cached), so the first 20,000
        requests of a burst take a large share of its time; existing names cost more than missing ones (a row to read
        and a card to send).

        """;

    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    /// <summary>The server's default settings, which both measurements run with.</summary>
    private static readonly CapsuleOptions s_defaults = new();

    public static bool InProcessGoalMet(SearchBenchResult r) => r.InProcess.AsSearchApi.All(series => series.P99 <= P99Goal);

    public static bool HttpGoalMet(SearchBenchResult r) => Ratio(r.SearchHit, r) >= RatioGoal && Ratio(r.SearchMiss, r) >= RatioGoal;

    /// <summary>The two tables: in-process latencies, then HTTP throughput and the ratios.</summary>
    public static string Table(SearchBenchResult r)
    {
        var text = new StringBuilder();
        var p = r.InProcess;
        text.Append("| in process | samples | p50 | p99 | max | mean |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var series in new[] { p.Baseline, p.CachedHits, p.CachedMisses, p.Hits, p.Misses, p.Before })
        {
            text.Append(s_invariant, $"| {series.Name} | {series.Count:N0} | {Us(series.P50)} | {Us(series.P99)} | {Us(series.Max)} | {Us(series.Mean)} |\n");
        }
        var worst = p.AsSearchApi.MaxBy(series => series.P99)!;
        text.Append(s_invariant, $"\nIn-process goal, p99 of a search ≤ {P99Goal / 1000:0} ms: **{(InProcessGoalMet(r) ? "met" : "not met")}** ")
            .Append(s_invariant, $"(highest p99 of the four `SearchApi` rows {Us(worst.P99)}, not cached: existing {Us(p.Hits.P99)}, missing {Us(p.Misses.P99)}; ")
            .Append(s_invariant, $"the `SELECT 1` baseline's p99 is {Us(p.Baseline.P99)}).\n")
            .Append(s_invariant, $"By medians, a cached answer takes {Us(p.CachedHits.P50)} and an uncached one {Us(p.Hits.P50)} (the `SELECT 1` round trip through the ")
            .Append(s_invariant, $"same pooled context takes {Us(p.Baseline.P50)}); the search as it was before took {Us(p.Before.P50)}.\n");

        text.Append("\n| over HTTP | requests/s of each burst | requests/s | ÷ `/healthz` | latency p50 | p99 | failed |\n");
        text.Append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var series in new[] { r.Healthz, r.SearchHit, r.SearchMiss })
        {
            var bursts = string.Join(" · ", series.Runs.Select(run => run.RequestsPerSecond.ToString("N0", s_invariant)));
            var ratio = series == r.Healthz ? "—" : string.Create(s_invariant, $"**{Ratio(series, r):P0}**");
            text.Append(s_invariant, $"| {series.Target.Name} | {bursts} | **{series.RequestsPerSecond:N0}** | {ratio} | {Us(series.Runs.Average(x => x.P50))} | {Us(series.Runs.Max(x => x.P99))} | {series.Failures:N0} |\n");
        }
        text.Append(s_invariant, $"\nHTTP goal, search ≥ {RatioGoal:P0} of `/healthz`'s requests/s: **{(HttpGoalMet(r) ? "met" : "not met")}** ")
            .Append(s_invariant, $"(existing name {Ratio(r.SearchHit, r):P1}, missing name {Ratio(r.SearchMiss, r):P1}).\n");
        return text.ToString();
    }

    /// <summary>The whole docs section: goals, how to reproduce, what is measured, the run's facts and the tables.</summary>
    public static string Section(SearchBenchResult r)
    {
        var text = new StringBuilder();
        text.Append(Heading).Append("\n\n");
        text.Append(s_invariant, $"""
            Goals (platform issue): an exact-name search answers within {P99Goal / 1000:0} ms at the 99th percentile in process, and over
            HTTP the search endpoint serves at least {RatioGoal:P0} of the requests per second that `/healthz` serves on the same
            server in the same run. Reproduce, which also rewrites this section (a kept `--data` folder skips the seeding
            on later runs):

            ```sh
            apt-get install wrk   # Debian's; without it the load comes from an in-process HttpClient loop
            dotnet run -c Release --project bench/Capsule.Bench.Search -- --data /tmp/capsule-search-bench --write-docs
            ```

            `bench/Capsule.Bench.Search` measures, in one run:

            - **Dataset**: a SQLite database migrated as the server does, filled by `BulkRegistration`
              (`src/Capsule.Platform/Operations`, also an operators' tool) with released programs named like
              `Program 0001234 lantern`, each with its own appid, a category spread over the taxonomy and a version 1.0.0,
              written in batches of 10,000 per transaction with prepared inserts.
            - **In process**: what `SearchApi` does for a valid query: the platform's services as the server registers
              them (`AddCapsulePlatform`, default settings: pooled contexts, a search cache of {s_defaults.SearchCacheEntries:N0} answers for
              {s_defaults.SearchCacheSeconds} s), a scope per search as per request, the query normalized and `ProgramSearch.FindAsync`. Each of
              {r.InProcess.Hits.Count:N0} existing names picked at random and as many missing ones is searched with its answer
              cached (asked for once just before, untimed) and not cached (forgotten just before, untimed: a context leased
              from the pool and the compiled query on the unique index). Interleaved with them: a baseline, `SELECT 1`
              through a pooled context leased the same way (`Database.SqlQuery`), and the search as it was before the pool,
              the compiled query and the cache (a fresh context, the LINQ query translated on every call). After
              {r.InProcess.Warmup:N0} warm-up rounds, with the server's GC settings (Server GC).
            - **Over HTTP**: the real server (`dotnet Capsule.Server.dll`, the benchmark's build configuration) on
              127.0.0.1 with that data directory and `Capsule:SearchesPerMinute` at {ServerUnderTest.SearchesPerMinute:N0}, its
              maximum, so the rate limiter still runs on every search but rejects none. `/healthz`, `/api/search?q=` with
              the same {r.InProcess.Hits.Count:N0} existing names in turn and with the missing ones in turn are loaded in
              bursts of {r.Burst.TotalSeconds:0} s, in rounds of `/healthz`, existing, `/healthz`, missing (so that searches
              stay under the limit), after a warm-up round of shorter bursts; requests/s is all requests over all the
              bursts' time. Any non-2xx answer or socket error counts as failed, and fails the run. The server keeps its
              default search cache: as the names come in turn, a search burst starts with none of its answers cached (the
              last burst of its kind ended {3 * r.Burst.TotalSeconds:0} s earlier), and an answer is read from the database again
              whenever it has expired.

            """);
        var m = r.Machine;
        var d = r.Dataset;
        var seeding = d.Seeding.Reused
            ? $"seeded on {d.Seeding.Date:yyyy-MM-dd} (this run reused the data folder): {d.Seeding.Seeded:N0} programs in {d.Seeding.Elapsed.TotalSeconds:0.0} s"
            : $"seeded in this run: {d.Seeding.Seeded:N0} programs in {d.Seeding.Elapsed.TotalSeconds:0.0} s";
        text.Append(s_invariant, $"""

            Last run: {r.Date:yyyy-MM-dd}{(m.Commit is { } commit ? $", commit {commit}" : "")}.

            - Machine: {m.Cpu}, {m.ProcessorCount} logical cores (`nproc`: {m.Nproc}), {m.Os}, {m.Runtime}. Load average
              {m.LoadAverage} before the run and {r.LoadAverageAfter} after it. The load generator and the server share the cores.
            - Dataset: {d.Programs:N0} programs, database {d.DatabaseBytes / 1024.0 / 1024.0:N0} MB; {seeding}
              ({d.Seeding.RowsPerSecond:N0} programs a second, each with its version).
            - Load: {r.LoadGenerator}; {r.Rounds} rounds.


            """);
        text.Append(Table(r)).Append('\n').Append(Variation);
        return text.ToString();
    }

    /// <summary>Replaces this benchmark's section of the file, or adds it at the end, keeping every other section.</summary>
    public static void WriteDocs(string path, SearchBenchResult r) => PerformanceDoc.WriteSection(path, Heading, Section(r), "# Performance\n");

    private static double Ratio(LoadSeries series, SearchBenchResult r) => series.RequestsPerSecond / r.Healthz.RequestsPerSecond;

    private static string Us(double microseconds) =>
        microseconds >= 1000 ? (microseconds / 1000).ToString("0.00", s_invariant) + " ms" : microseconds.ToString("0", s_invariant) + " µs";
}
