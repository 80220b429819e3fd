using Capsule.Platform.Data;
using Capsule.Platform.MiniPrograms;
using Capsule.Platform.Search;
using Capsule.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Capsule.Platform.Tests.Search;

/// <summary>Saved changes to programs drop the cached answers for their names, before and after, once committed.</summary>
public sealed class SearchCacheInvalidationTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly SearchCache _cache = new(Options.Create(new CapsuleOptions()));
    private readonly DbContextOptions<SqliteCapsuleDbContext> _options;

    public SearchCacheInvalidationTests() =>
        _options = new DbContextOptionsBuilder<SqliteCapsuleDbContext>()
            .UseSqlite($"Data Source={_data.Combine("capsule.db")};Pooling=False")
            .AddInterceptors(new SearchCacheInvalidation(_cache))
            .Options;

    private void Cache(params string[] names)
    {
        foreach (var name in names)
        {
            _cache.Store(name, [], _cache.Generation);
        }
    }

    private bool Cached(string name) => _cache.TryGet(name, out _);

    private static MiniProgram Program(string name) =>
        new() { AppId = AppId.New(), Name = name, NormalizedName = ProgramName.Normalize(name), Category = "tools/calculators" };

    [Fact]
    public async Task Registering_renaming_and_deleting_drop_the_names_involved()
    {
        await using var db = new SqliteCapsuleDbContext(_options);
        await db.Database.MigrateAsync();
        Cache("sum", "total", "other");

        var program = Program("Sum");
        db.MiniPrograms.Add(program);
        await db.SaveChangesAsync();
        Assert.False(Cached("sum"));

        Cache("sum");
        (program.Name, program.NormalizedName) = ("Total", "total");
        await db.SaveChangesAsync();
        Assert.False(Cached("sum"));
        Assert.False(Cached("total"));

        Cache("total");
        program.Description = "Adds numbers";
        await db.SaveChangesAsync();
        Assert.False(Cached("total"));

        Cache("total");
        db.MiniPrograms.Remove(program);
        await db.SaveChangesAsync();
        Assert.False(Cached("total"));
        Assert.True(Cached("other"));
    }

    [Fact]
    public async Task A_change_in_a_transaction_is_dropped_again_when_it_commits()
    {
        await using var db = new SqliteCapsuleDbContext(_options);
        await db.Database.MigrateAsync();
        var program = Program("Sum");
        db.MiniPrograms.Add(program);
        await db.SaveChangesAsync();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            program.Description = "Adds numbers";
            await db.SaveChangesAsync();
            Cache("sum");
            await transaction.CommitAsync();
        }
        Assert.False(Cached("sum"));

        Cache("sum");
        await db.SaveChangesAsync();
        Assert.True(Cached("sum"));
    }

    public void Dispose()
    {
        _cache.Dispose();
        _data.Dispose();
    }
}
