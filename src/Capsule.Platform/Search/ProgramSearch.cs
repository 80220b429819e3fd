using Capsule.Platform.Data;
using Capsule.Platform.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Capsule.Platform.Search;

/// <summary>
/// Exact-name search: the released program whose normalized name is the one asked for, and nothing otherwise. The
/// answer comes from the <see cref="SearchCache"/> when it holds one, else from one lookup on the unique index of
/// normalized names, a query compiled once so that no call translates LINQ again.
/// </summary>
public sealed class ProgramSearch(SearchCache cache)
{
    private static readonly Func<CapsuleDbContext, string, CancellationToken, Task<SearchResult?>> s_released = EF.CompileAsyncQuery(
        (CapsuleDbContext db, string normalizedName, CancellationToken cancellationToken) => db.MiniPrograms.AsNoTracking()
            .Where(p => p.NormalizedName == normalizedName && p.ReleasedVersionId != null)
            .Select(p => new SearchResult(p.AppId, p.Name, p.Category, CategoryName(p.Category), p.Description, p.IconUrl))
            .SingleOrDefault());

    /// <summary>
    /// The programs (none or one) named <paramref name="normalizedName"/>. The database context is taken from
    /// <paramref name="services"/> (a request's) only when the cache has no answer.
    /// </summary>
    public async ValueTask<IReadOnlyList<SearchResult>> FindAsync(string normalizedName, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (cache.TryGet(normalizedName, out var cached))
        {
            return cached;
        }
        var generation = cache.Generation;
        var found = await s_released(services.GetRequiredService<CapsuleDbContext>(), normalizedName, cancellationToken);
        IReadOnlyList<SearchResult> results = found is null ? [] : [found];
        cache.Store(normalizedName, results, generation);
        return results;
    }

    private static string CategoryName(string code) => Categories.Find(code)?.Leaf.Name ?? code;
}
