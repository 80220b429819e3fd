using System.Globalization;
using Capsule.Platform;
using Capsule.Platform.Data;
using Capsule.Platform.Operations;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Bench.Search;

/// <summary>How the programs got into the data directory: seeded in this run, or earlier (a reused <c>--data</c> folder).</summary>
public sealed record Seeding(int Seeded, TimeSpan Elapsed, DateTime Date, bool Reused)
{
    public double RowsPerSecond => Seeded / Elapsed.TotalSeconds;
}

/// <summary>A data directory whose SQLite database holds the programs searched, seeded with <see cref="BulkRegistration"/>.</summary>
public sealed class Dataset
{
    private const string SeedRecord = "bench-seed.txt";

    private Dataset(string dataDir, DbContextOptions<SqliteCapsuleDbContext> options, int programs, long databaseBytes, Seeding seeding)
    {
        DataDir = dataDir;
        Options = options;
        Programs = programs;
        DatabaseBytes = databaseBytes;
        Seeding = seeding;
    }

    public string DataDir { get; }

    /// <summary>Options for contexts like the server's: the same SQLite file, with connection pooling.</summary>
    public DbContextOptions<SqliteCapsuleDbContext> Options { get; }

    public int Programs { get; }

    public long DatabaseBytes { get; }

    public Seeding Seeding { get; }

    /// <summary>Migrates the database and registers programs until it holds <paramref name="count"/>.</summary>
    public static async Task<Dataset> PrepareAsync(string dataDir, int count)
    {
        Directory.CreateDirectory(dataDir);
        var path = new CapsuleOptions { DataDir = dataDir }.SqlitePath;
        var options = new DbContextOptionsBuilder<SqliteCapsuleDbContext>().UseSqlite($"Data Source={path}").Options;
        await using var db = new SqliteCapsuleDbContext(options);
        await db.Database.MigrateAsync();
        var existing = await db.MiniPrograms.CountAsync();
        Seeding seeding;
        if (existing >= count && ReadSeedRecord(dataDir) is { } earlier)
        {
            seeding = earlier;
            Console.WriteLine($"reusing {existing:N0} programs in {path}, seeded on {earlier.Date:yyyy-MM-dd} in {earlier.Elapsed.TotalSeconds:0.0} s");
        }
        else if (existing >= count)
        {
            throw new BenchException($"{path} holds {existing:N0} programs that this benchmark did not seed: give an empty or a benchmark --data folder");
        }
        else
        {
            var missing = count - existing;
            Console.WriteLine($"seeding {missing:N0} programs into {path}");
            var progress = new Progress<int>(done =>
            {
                if (done % 100_000 == 0 || done == missing)
                {
                    Console.WriteLine($"  {done:N0}");
                }
            });
            var result = await new BulkRegistration(db, TimeProvider.System).RegisterAsync(new BulkRegistrationOptions { Count = missing }, progress);
            seeding = new Seeding(missing, result.Elapsed, DateTime.UtcNow, Reused: false);
            await File.WriteAllTextAsync(Path.Combine(dataDir, SeedRecord), string.Create(CultureInfo.InvariantCulture, $"{seeding.Seeded} {seeding.Elapsed.TotalSeconds:0.000} {seeding.Date:O}\n"));
            Console.WriteLine($"seeded {missing:N0} programs in {result.Elapsed.TotalSeconds:0.0} s ({seeding.RowsPerSecond:N0} a second)");
        }
        var programs = await db.MiniPrograms.CountAsync();
        return new Dataset(dataDir, options, programs, new FileInfo(path).Length, seeding);
    }

    /// <summary>Display names of <paramref name="count"/> released programs picked at random.</summary>
    public async Task<string[]> RandomNamesAsync(int count)
    {
        await using var db = new SqliteCapsuleDbContext(Options);
        return [.. await db.Database.SqlQuery<string>($"""SELECT "Name" AS "Value" FROM "MiniPrograms" WHERE "ReleasedVersionId" IS NOT NULL ORDER BY random() LIMIT {count}""").ToListAsync()];
    }

    /// <summary>Names shaped like the seeded ones that no program has (the last word is not one the seeding uses).</summary>
    public static string[] MissingNames(int count, Random random) =>
        [.. Enumerable.Range(0, count).Select(_ => string.Create(CultureInfo.InvariantCulture, $"Program {random.Next(10_000_000):D7} missing"))];

    private static Seeding? ReadSeedRecord(string dataDir)
    {
        var file = Path.Combine(dataDir, SeedRecord);
        if (!File.Exists(file))
        {
            return null;
        }
        var parts = File.ReadAllText(file).Split(' ', StringSplitOptions.TrimEntries);
        return new Seeding(
            int.Parse(parts[0], CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(parts[1], CultureInfo.InvariantCulture)),
            DateTime.Parse(parts[2], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            Reused: true);
    }
}
