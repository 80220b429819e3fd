using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Capsule.Platform.Search;

/// <summary>
/// Recent search answers by normalized name, a found program or none, so that a repeated search does not reach the
/// database. It holds at most <see cref="CapsuleOptions.SearchCacheEntries"/> answers, each for
/// <see cref="CapsuleOptions.SearchCacheSeconds"/> at most. A change saved in this process drops the answers it affects
/// at once (<see cref="SearchCacheInvalidation"/>); a change made by another server shows here when the answer expires.
/// </summary>
public sealed class SearchCache : IDisposable
{
    private readonly MemoryCache _answers;
    private readonly MemoryCacheEntryOptions _entry;
    private readonly bool _enabled;
    private long _generation;

    public SearchCache(IOptions<CapsuleOptions> options)
    {
        var settings = options.Value;
        _enabled = settings.SearchCacheSeconds > 0 && settings.SearchCacheEntries > 0;
        _answers = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, settings.SearchCacheEntries) });
        _entry = new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(Math.Max(1, settings.SearchCacheSeconds)) };
    }

    /// <summary>Changes with every <see cref="Forget"/>: taken before reading the database, it tells <see cref="Store"/> whether what was read may be stale.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string normalizedName, out IReadOnlyList<SearchResult> results)
    {
        if (_enabled && _answers.TryGetValue(normalizedName, out IReadOnlyList<SearchResult>? answer) && answer is not null)
        {
            results = answer;
            return true;
        }
        results = [];
        return false;
    }

    /// <summary>
    /// Keeps an answer read from the database after <paramref name="generation"/> was taken, unless a change was saved
    /// meanwhile: the answer may then predate it, so it is not kept.
    /// </summary>
    public void Store(string normalizedName, IReadOnlyList<SearchResult> results, long generation)
    {
        if (!_enabled || Generation != generation)
        {
            return;
        }
        _answers.Set(normalizedName, results, _entry);
        if (Generation != generation)
        {
            _answers.Remove(normalizedName);
        }
    }

    /// <summary>Drops the answer for a name, and keeps answers being read meanwhile from being stored.</summary>
    public void Forget(string normalizedName)
    {
        Interlocked.Increment(ref _generation);
        _answers.Remove(normalizedName);
    }

    public void Dispose() => _answers.Dispose();
}
