using System.Diagnostics;
using Capsule.Platform.Data;
using Capsule.Platform.MiniPrograms;
using Capsule.Platform.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Capsule.Bench.Search;

/// <summary>The in-process latencies of one run.</summary>
public sealed record InProcessResult(Latencies Baseline, Latencies Hits, Latencies Misses, Latencies Compiled, Latencies PooledCompiled, int Warmup);

/// <summary>
/// Times the exact-name search as <c>SearchApi</c> runs it (a fresh context per search, as the server creates one per
/// request, then the same LINQ query) against a trivial <c>SELECT 1</c> through the same kind of context, interleaved in
/// one loop. To show where the time goes, the same search is also timed as a precompiled query
/// (<see cref="EF.CompileAsyncQuery{TContext, TParam1, TResult}(System.Linq.Expressions.Expression{Func{TContext, TParam1, TResult}})"/>,
/// no per-call LINQ translation), once on a fresh context and once on a context from a pool (no per-context set-up of
/// EF's SQLite connection).
/// </summary>
public static class InProcessSearch
{
    private static readonly Func<CapsuleDbContext, string, Task<Card?>> s_compiled = EF.CompileAsyncQuery((CapsuleDbContext db, string normalized) =>
        db.MiniPrograms.AsNoTracking()
            .Where(p => p.NormalizedName == normalized && p.ReleasedVersionId != null)
            .Select(p => new Card(p.AppId, p.Name, p.Category, p.Description, p.IconUrl))
            .SingleOrDefault());

    public static async Task<InProcessResult> MeasureAsync(Dataset dataset, IReadOnlyList<string> hits, IReadOnlyList<string> misses, int warmup)
    {
        var pool = new PooledDbContextFactory<SqliteCapsuleDbContext>(dataset.Options);
        var result = new InProcessResult(
            new Latencies("`SELECT 1` through a fresh context (baseline)"),
            new Latencies("**search, existing name** (as `SearchApi`)"),
            new Latencies("**search, missing name** (as `SearchApi`)"),
            new Latencies("search, existing name: compiled query, fresh context"),
            new Latencies("search, existing name: compiled query, pooled context"),
            warmup);
        var steps = new Func<int, bool, Task>[]
        {
            (_, record) => TimeAsync(record ? result.Baseline : null, () => BaselineAsync(dataset)),
            (i, record) => TimeAsync(record ? result.Hits : null, () => SearchAsync(dataset, hits[i % hits.Count], found: true)),
            (i, record) => TimeAsync(record ? result.Misses : null, () => SearchAsync(dataset, misses[i % misses.Count], found: false)),
            (i, record) => TimeAsync(record ? result.Compiled : null, () => CompiledSearchAsync(() => new SqliteCapsuleDbContext(dataset.Options), hits[(i + hits.Count / 3) % hits.Count])),
            (i, record) => TimeAsync(record ? result.PooledCompiled : null, () => CompiledSearchAsync(pool.CreateDbContext, hits[(i + 2 * hits.Count / 3) % hits.Count])),
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

    private static async Task BaselineAsync(Dataset dataset)
    {
        await using var db = new SqliteCapsuleDbContext(dataset.Options);
        var value = await db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\"").SingleAsync();
        Check(value == 1, "SELECT 1 did not answer 1");
    }

    /// <summary>The body of <c>SearchApi.SearchAsync</c>, query for query.</summary>
    private static async Task SearchAsync(Dataset dataset, string q, bool found)
    {
        await using var db = new SqliteCapsuleDbContext(dataset.Options);
        var query = q.Trim();
        var normalized = ProgramName.Normalize(query);
        var card = await db.MiniPrograms.AsNoTracking()
            .Where(p => p.NormalizedName == normalized && p.ReleasedVersionId != null)
            .Select(p => new { p.AppId, p.Name, p.Category, p.Description, p.IconUrl })
            .SingleOrDefaultAsync();
        var categoryName = card is null ? null : Categories.Find(card.Category)?.Leaf.Name ?? card.Category;
        Check(found ? card?.Name == query && categoryName is not null : card is null, $"searching \"{q}\" gave {card?.Name ?? "nothing"}");
    }

    private static async Task CompiledSearchAsync(Func<SqliteCapsuleDbContext> context, string q)
    {
        await using var db = context();
        var query = q.Trim();
        var card = await s_compiled(db, ProgramName.Normalize(query));
        var categoryName = card is null ? null : Categories.Find(card.Category)?.Leaf.Name ?? card.Category;
        Check(card?.Name == query && categoryName is not null, $"the compiled search for \"{q}\" gave {card?.Name ?? "nothing"}");
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new BenchException(problem);
        }
    }

    private sealed record Card(string AppId, string Name, string Category, string Description, string? IconUrl);
}
