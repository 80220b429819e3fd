using Capsule.Platform.Search;
using Microsoft.Extensions.Options;

namespace Capsule.Platform.Tests.Search;

public sealed class SearchCacheTests
{
    private static readonly SearchResult s_card = new("wx0123456789abcdef", "Bike Share", "transport/bike-sharing", "Bike sharing", "", null);

    private static SearchCache Cache(int seconds = 10, int entries = 100) =>
        new(Options.Create(new CapsuleOptions { SearchCacheSeconds = seconds, SearchCacheEntries = entries }));

    [Fact]
    public void Keeps_found_and_missing_answers_until_a_name_is_forgotten()
    {
        using var cache = Cache();
        cache.Store("bike share", [s_card], cache.Generation);
        cache.Store("bike", [], cache.Generation);

        Assert.True(cache.TryGet("bike share", out var found));
        Assert.Equal(s_card, Assert.Single(found));
        Assert.True(cache.TryGet("bike", out var missing));
        Assert.Empty(missing);
        Assert.False(cache.TryGet("bike shar", out _));

        cache.Forget("bike share");
        Assert.False(cache.TryGet("bike share", out _));
        Assert.True(cache.TryGet("bike", out _));
    }

    [Fact]
    public void Does_not_keep_an_answer_read_before_a_change_was_saved()
    {
        using var cache = Cache();
        var generation = cache.Generation;
        cache.Forget("something else");
        cache.Store("bike share", [], generation);
        Assert.False(cache.TryGet("bike share", out _));
    }

    [Fact]
    public void Holds_no_more_answers_than_its_limit()
    {
        using var cache = Cache(entries: 2);
        foreach (var name in new[] { "a", "b", "c" })
        {
            cache.Store(name, [], cache.Generation);
        }
        Assert.Equal(2, new[] { "a", "b", "c" }.Count(name => cache.TryGet(name, out _)));
    }

    [Fact]
    public async Task Answers_expire()
    {
        using var cache = Cache(seconds: 1);
        cache.Store("bike share", [s_card], cache.Generation);
        Assert.True(cache.TryGet("bike share", out _));
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        Assert.False(cache.TryGet("bike share", out _));
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(10, 0)]
    public void Zero_seconds_or_entries_turn_it_off(int seconds, int entries)
    {
        using var cache = Cache(seconds, entries);
        cache.Store("bike share", [s_card], cache.Generation);
        Assert.False(cache.TryGet("bike share", out _));
    }
}
