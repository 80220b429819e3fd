using Capsule.Platform.Data;
using Capsule.Platform.MiniPrograms;
using Capsule.Platform.Operations;
using Capsule.Platform.Registry;
using Capsule.Platform.Versions;
using Capsule.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Capsule.Platform.Tests.Operations;

public sealed class BulkRegistrationTests
{
    private const int Count = 5_000;

    [Fact]
    public async Task Seeds_unique_released_programs_that_exact_name_search_finds_on_sqlite()
    {
        using var data = new TempDirectory();
        var options = new DbContextOptionsBuilder<SqliteCapsuleDbContext>().UseSqlite($"Data Source={data.Combine("capsule.db")};Pooling=False").Options;
        await SeedsAndFindsAsync(() => new SqliteCapsuleDbContext(options));
    }

    [PostgresFact]
    public async Task Seeds_unique_released_programs_that_exact_name_search_finds_on_postgres()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresFactAttribute.Server) { Database = $"capsule_bulk_{Guid.NewGuid():N}", Pooling = false };
        var options = new DbContextOptionsBuilder<PostgresCapsuleDbContext>().UseNpgsql(builder.ConnectionString).Options;
        try
        {
            await SeedsAndFindsAsync(() => new PostgresCapsuleDbContext(options));
        }
        finally
        {
            await using var db = new PostgresCapsuleDbContext(options);
            await db.Database.EnsureDeletedAsync();
        }
    }

    [Fact]
    public void Every_name_it_makes_is_allowed_by_the_name_policy()
    {
        var names = BulkRegistration.Words.Select((_, i) => BulkRegistration.Name("Program", i)).Append(BulkRegistration.Name("Program", 9_999_999_999)).ToList();
        Assert.All(names, name => Assert.Null(NamePolicy.Problem(name)));
        Assert.Equal(BulkRegistration.Words.Count, names.Take(BulkRegistration.Words.Count).Select(n => n.Split(' ')[2]).Distinct().Count());
    }

    [Fact]
    public async Task A_prefix_that_makes_names_too_long_is_refused_before_anything_is_written()
    {
        using var data = new TempDirectory();
        var options = new DbContextOptionsBuilder<SqliteCapsuleDbContext>().UseSqlite($"Data Source={data.Combine("capsule.db")};Pooling=False").Options;
        await using var db = new SqliteCapsuleDbContext(options);
        await db.Database.MigrateAsync();

        var bulk = new BulkRegistration(db, TimeProvider.System);
        await Assert.ThrowsAsync<ArgumentException>(() => bulk.RegisterAsync(new BulkRegistrationOptions { Count = 10, NamePrefix = "A rather long prefix" }));
        Assert.Equal(0, await db.MiniPrograms.CountAsync());
    }

    private static async Task SeedsAndFindsAsync(Func<CapsuleDbContext> newContext)
    {
        await using (var db = newContext())
        {
            await db.Database.MigrateAsync();
            db.MiniPrograms.Add(new MiniProgram { AppId = AppId.New(), Name = "Already here", NormalizedName = "already here", Category = "tools/query-services" });
            await db.SaveChangesAsync();
        }

        var reported = new List<int>();
        BulkRegistrationResult result;
        await using (var db = newContext())
        {
            result = await new BulkRegistration(db, TimeProvider.System).RegisterAsync(
                new BulkRegistrationOptions { Count = Count, BatchSize = 1_500 }, new SynchronousProgress(reported.Add));
        }
        Assert.Equal(Count, result.Registered);
        Assert.Equal(2, result.FirstId);
        Assert.Equal(Count + 1, result.LastId);
        Assert.Equal([1_500, 3_000, 4_500, 5_000], reported);

        await using (var db = newContext())
        {
            var programs = await db.MiniPrograms.AsNoTracking().Include(p => p.ReleasedVersion).Where(p => p.Id >= result.FirstId).ToListAsync();
            Assert.Equal(Count, programs.Count);
            Assert.Equal(Count, programs.Select(p => p.NormalizedName).Distinct().Count());
            Assert.Equal(Count, programs.Select(p => p.AppId).Distinct().Count());
            Assert.All(programs, p =>
            {
                Assert.True(AppId.IsValid(p.AppId), p.AppId);
                Assert.Equal(ProgramName.Normalize(p.Name), p.NormalizedName);
                Assert.NotNull(Categories.Find(p.Category));
                Assert.Equal(p.Id, p.ReleasedVersion!.MiniProgramId);
                Assert.Equal(VersionState.Released, p.ReleasedVersion.State);
                Assert.Equal(BulkRegistrationOptions.PlaceholderBundleId, p.ReleasedVersion.BundleId);
                Assert.Null(p.OwnerId);
            });
            Assert.True(programs.Select(p => p.Category).Distinct().Count() > 50);

            var normalized = ProgramName.Normalize("  PROGRAM   " + programs[1234].Name["Program ".Length..].ToUpperInvariant());
            var found = await db.MiniPrograms.AsNoTracking()
                .Where(p => p.NormalizedName == normalized && p.ReleasedVersionId != null)
                .Select(p => new { p.AppId, p.Name, p.Category, p.Description, p.IconUrl })
                .SingleOrDefaultAsync();
            Assert.Equal(programs[1234].AppId, found?.AppId);
        }

        await using (var db = newContext())
        {
            var second = await new BulkRegistration(db, TimeProvider.System).RegisterAsync(new BulkRegistrationOptions { Count = 10 });
            Assert.Equal(result.LastId + 1, second.FirstId);
            var registered = new MiniProgram { AppId = AppId.New(), Name = "Registered after", NormalizedName = "registered after", Category = "tools/query-services" };
            db.MiniPrograms.Add(registered);
            await db.SaveChangesAsync();
            Assert.True(registered.Id > second.LastId, $"the id {registered.Id} after a bulk registration ending at {second.LastId}");
            Assert.Equal(Count + 12, await db.MiniPrograms.CountAsync());
            Assert.Equal(Count + 10, await db.ProgramVersions.CountAsync());
        }
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}

/// <summary>A test that needs PostgreSQL: it runs when CAPSULE_TEST_POSTGRES holds a server's connection string (scripts/test.sh sets it).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public static string? Server => Environment.GetEnvironmentVariable("CAPSULE_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    public PostgresFactAttribute()
    {
        if (Server is null)
        {
            Skip = "CAPSULE_TEST_POSTGRES is not set";
        }
    }
}
