using System.Diagnostics;
using Capsule.Platform;
using Capsule.Platform.Data;
using Capsule.Platform.MiniPrograms;
using Capsule.Platform.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Capsule.Bench.Search;

/// <summary>The in-process latencies of one run.</summary>
public sealed record InProcessResult(
    Latencies Baseline, Latencies CachedHits, Latencies CachedMisses, Latencies Hits, Latencies Misses, Latencies Before, int Warmup)
{
    /// <summary>The rows that measure what <c>SearchApi</c> does, which the goal is judged on.</summary>
    public IReadOnlyList<Latencies> AsSearchApi => [CachedHits, CachedMisses, Hits, Misses];
}

/// <summary>
/// Times the exact-name search as <c>SearchApi</c> runs it: the platform's services as the server registers them
/// (<see cref="PlatformServiceCollectionExtensions.AddCapsulePlatform"/>, its default settings), a scope per search as
/// per request, then <see cref="ProgramSearch.FindAsync"/> with the query normalized. A search is timed with its answer
/// cached (asked once just before, untimed) and not cached (forgotten just before, untimed: a pooled context and the
/// compiled query). Interleaved in the same loop: a baseline, <c>SELECT 1</c> through a pooled context leased the same
/// way, and the search as it was before the pool, the compiled query and the cache (a fresh context, LINQ translated
/// on every call).
/// </summary>
public static class InProcessSearch
{
    public static async Task<InProcessResult> MeasureAsync(Dataset dataset, IReadOnlyList<string> hits, IReadOnlyList<string> misses, int warmup)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{CapsuleOptions.Section}:{nameof(CapsuleOptions.DataDir)}"] = dataset.DataDir })
            .Build();
        await using var services = new ServiceCollection().AddLogging().AddCapsulePlatform(configuration).BuildServiceProvider();
        var cache = services.GetRequiredService<SearchCache>();
        var result = new InProcessResult(
            new Latencies("`SELECT 1` through a pooled context (baseline)"),
            new Latencies("**search, existing name, cached** (as `SearchApi`)"),
            new Latencies("**search, missing name, cached** (as `SearchApi`)"),
            new Latencies("**search, existing name, not cached** (as `SearchApi`)"),
            new Latencies("**search, missing name, not cached** (as `SearchApi`)"),
            new Latencies("search, existing name, as before: fresh context, LINQ per call"),
            warmup);
        var steps = new Func<int, bool, Task>[]
        {
            (_, record) => TimeAsync(record ? result.Baseline : null, () => BaselineAsync(services)),
            async (i, record) =>
            {
                var q = hits[(i + hits.Count / 2) % hits.Count];
                await SearchAsync(services, q, found: true);
                await TimeAsync(record ? result.CachedHits : null, () => SearchAsync(services, q, found: true));
            },
            async (i, record) =>
            {
                var q = misses[(i + misses.Count / 2) % misses.Count];
                await SearchAsync(services, q, found: false);
                await TimeAsync(record ? result.CachedMisses : null, () => SearchAsync(services, q, found: false));
            },
            (i, record) =>
            {
                cache.Forget(ProgramName.Normalize(hits[i % hits.Count]));
                return TimeAsync(record ? result.Hits : null, () => SearchAsync(services, hits[i % hits.Count], found: true));
            },
            (i, record) =>
            {
                cache.Forget(ProgramName.Normalize(misses[i % misses.Count]));
                return TimeAsync(record ? result.Misses : null, () => SearchAsync(services, misses[i % misses.Count], found: false));
            },
            (i, record) => TimeAsync(record ? result.Before : null, () => BeforeAsync(dataset, hits[(i + hits.Count / 3) % hits.Count])),
        };
        for (var i = 0; i < warmup; i++)
        {
            foreach (var step in steps)
            {
                await step(i, false);
            }
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        for (var i = 0; i < hits.Count; i++)
        {
            for (var s = 0; s < steps.Length; s++)
            {
                await steps[(s + i) % steps.Length](i, true);
            }
        }
        return result;
    }

    private static async Task TimeAsync(Latencies? into, Func<Task> operation)
    {
        var start = Stopwatch.GetTimestamp();
        await operation();
        into?.Add(Stopwatch.GetElapsedTime(start));
    }

    private static async Task BaselineAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapsuleDbContext>();
        var value = await db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\"").SingleAsync();
        Check(value == 1, "SELECT 1 did not answer 1");
    }

    /// <summary>What <c>SearchApi.SearchAsync</c> does with a valid query, in a scope of its own as a request has.</summary>
    private static async Task SearchAsync(IServiceProvider services, string q, bool found)
    {
        await using var scope = services.CreateAsyncScope();
        var query = q.Trim();
        var results = await scope.ServiceProvider.GetRequiredService<ProgramSearch>().FindAsync(ProgramName.Normalize(query), scope.ServiceProvider, CancellationToken.None);
        Check(found ? results is [{ } card] && card.Name == query && card.CategoryName.Length > 0 : results.Count == 0,
            $"searching \"{q}\" gave {(results.Count == 0 ? "nothing" : results[0].Name)}");
    }

    /// <summary>The search before the pool, the compiled query and the cache: a fresh context and a LINQ query translated per call.</summary>
    private static async Task BeforeAsync(Dataset dataset, string q)
    {
        await using var db = new SqliteCapsuleDbContext(dataset.Options);
        var query = q.Trim();
        var normalized = ProgramName.Normalize(query);
        var card = await db.MiniPrograms.AsNoTracking()
            .Where(p => p.NormalizedName == normalized && p.ReleasedVersionId != null)
            .Select(p => new { p.AppId, p.Name, p.Category, p.Description, p.IconUrl })
            .SingleOrDefaultAsync();
        Check(card?.Name == query, $"searching \"{q}\" the way it was before gave {card?.Name ?? "nothing"}");
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new BenchException(problem);
        }
    }
}
