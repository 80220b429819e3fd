using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Capsule.Platform.Data;
using Capsule.Platform.MiniPrograms;
using Capsule.Platform.Registry;
using Capsule.Platform.Versions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Capsule.Platform.Operations;

/// <summary>What <see cref="BulkRegistration"/> creates.</summary>
public sealed record BulkRegistrationOptions
{
    /// <summary>The bundle id the released versions point to unless another is given: no such bundle exists.</summary>
    public const string PlaceholderBundleId = "00000000000000000000000000000000";

    public const int MaxBatchSize = 100_000;

    /// <summary>How many programs to register.</summary>
    public required int Count { get; init; }

    /// <summary>Programs written per transaction.</summary>
    public int BatchSize { get; init; } = 10_000;

    /// <summary>The first word of every name. A name is the prefix, the program's id in at least 7 digits and a word, such as <c>Program 0000123 lantern</c>.</summary>
    public string NamePrefix { get; init; } = "Program";

    /// <summary>The user who owns the programs and uploaded their versions; none when null, as for demo programs.</summary>
    public string? OwnerId { get; init; }

    /// <summary>
    /// The bundle every released version points to. The placeholder is enough for search and listings; give the id of a
    /// bundle that is in the bundle store to make the programs launchable.
    /// </summary>
    public string BundleId { get; init; } = PlaceholderBundleId;
}

/// <summary>How a bulk registration went: how many programs, their id range and how long it took.</summary>
public sealed record BulkRegistrationResult(int Registered, long FirstId, long LastId, TimeSpan Elapsed);

/// <summary>
/// Registers many synthetic mini programs fast, for load tests and staging data: each gets a unique valid name, a new
/// appid, a second-level category and a released version 1.0.0, but no appsecret. Rows are written straight through
/// the context's connection, a batch per transaction: prepared inserts on SQLite, binary COPY on PostgreSQL. Each batch
/// takes the write lock of both tables (readers go on), so registrations by the server wait for it rather than collide.
/// </summary>
public sealed class BulkRegistration(CapsuleDbContext db, TimeProvider time)
{
    private const string VersionNumber = "1.0.0";
    private const string Description = "Registered in bulk for load testing.";

    private static readonly string[] s_words =
    [
        "lantern", "harbor", "maple", "orbit", "pebble", "meadow", "comet", "willow", "canyon", "ember",
        "falcon", "garnet", "juniper", "kettle", "lagoon", "marble", "nectar", "oasis", "prairie", "quartz",
        "ripple", "saffron", "tundra", "velvet", "walnut", "zephyr", "beacon", "cobalt", "dune", "fjord",
        "glacier", "harvest",
    ];

    private static readonly Lazy<string[]> s_categories = new(() => [.. Categories.Tree.SelectMany(top => top.Children!).Select(leaf => leaf.Code)]);

    /// <summary>The words that end the names, one chosen by each program's id.</summary>
    public static IReadOnlyList<string> Words => s_words;

    /// <summary>The name of the bulk-registered program with this id and prefix.</summary>
    public static string Name(string prefix, long id) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix} {id:D7} {s_words[(int)((ulong)id * 2654435761UL % (ulong)s_words.Length)]}");

    /// <summary>Registers <see cref="BulkRegistrationOptions.Count"/> programs, reporting the running total after each batch.</summary>
    public async Task<BulkRegistrationResult> RegisterAsync(BulkRegistrationOptions options, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        await ValidateAsync(options, cancellationToken);
        var clock = Stopwatch.StartNew();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        try
        {
            var createdAt = time.GetUtcNow().UtcDateTime;
            long firstId = 0, lastId = 0;
            for (var done = 0; done < options.Count;)
            {
                var size = Math.Min(options.BatchSize, options.Count - done);
                var (first, last) = connection switch
                {
                    SqliteConnection sqlite => await WriteSqliteBatchAsync(sqlite, options, size, createdAt, cancellationToken),
                    NpgsqlConnection postgres => await WritePostgresBatchAsync(postgres, options, size, createdAt, cancellationToken),
                    _ => throw new NotSupportedException($"Bulk registration supports SQLite and PostgreSQL, not {connection.GetType().Name}."),
                };
                firstId = done == 0 ? first : firstId;
                lastId = last;
                done += size;
                progress?.Report(done);
            }
            return new BulkRegistrationResult(options.Count, firstId, lastId, clock.Elapsed);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private async Task ValidateAsync(BulkRegistrationOptions options, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.BatchSize, BulkRegistrationOptions.MaxBatchSize);
        var longest = $"{options.NamePrefix} {new string('0', 10)} {s_words.MaxBy(w => w.Length)}";
        if (NamePolicy.Problem(longest) is { } problem)
        {
            throw new ArgumentException($"The prefix \"{options.NamePrefix}\" does not make valid names, such as \"{longest}\": {problem}", nameof(options));
        }
        if (options.BundleId.Length != 32 || !options.BundleId.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("A bundle id is 32 lowercase hex digits.", nameof(options));
        }
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("Bulk registration commits its own transactions; call it outside of one.");
        }
        if (options.OwnerId is { } owner && !await db.Users.AnyAsync(u => u.Id == owner, cancellationToken))
        {
            throw new ArgumentException($"There is no user {owner} to own the programs.", nameof(options));
        }
    }

    /// <summary>
    /// One batch on SQLite: BEGIN IMMEDIATE (the write lock) so the ids after the current maximum stay free, foreign keys
    /// deferred to the commit because a program and its released version point at each other, then prepared inserts.
    /// </summary>
    private static async Task<(long First, long Last)> WriteSqliteBatchAsync(SqliteConnection connection, BulkRegistrationOptions options, int size, DateTime createdAt, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA defer_foreign_keys = ON";
        await command.ExecuteNonQueryAsync(cancellationToken);
        var firstProgram = await NextIdAsync(command, "MiniPrograms", cancellationToken);
        var firstVersion = await NextIdAsync(command, "ProgramVersions", cancellationToken);

        await using var program = connection.CreateCommand();
        program.Transaction = transaction;
        program.CommandText = """
            INSERT INTO "MiniPrograms" ("Id", "AppId", "Name", "NormalizedName", "Description", "Category", "OwnerId", "CreatedAt", "IsDemo", "ReleasedVersionId", "PhasedPercentage")
            VALUES ($id, $appId, $name, $normalized, $description, $category, $owner, $createdAt, 0, $version, 0)
            """;
        var programId = program.Parameters.Add("$id", SqliteType.Integer);
        var appId = program.Parameters.Add("$appId", SqliteType.Text);
        var name = program.Parameters.Add("$name", SqliteType.Text);
        var normalized = program.Parameters.Add("$normalized", SqliteType.Text);
        var category = program.Parameters.Add("$category", SqliteType.Text);
        var releasedVersion = program.Parameters.Add("$version", SqliteType.Integer);
        program.Parameters.AddWithValue("$description", Description);
        program.Parameters.AddWithValue("$owner", (object?)options.OwnerId ?? DBNull.Value);
        program.Parameters.AddWithValue("$createdAt", createdAt);
        program.Prepare();

        await using var version = connection.CreateCommand();
        version.Transaction = transaction;
        version.CommandText = """
            INSERT INTO "ProgramVersions" ("Id", "MiniProgramId", "Number", "Notes", "BundleId", "State", "UploadedById", "CreatedAt")
            VALUES ($id, $program, $number, '', $bundle, $state, $owner, $createdAt)
            """;
        var versionId = version.Parameters.Add("$id", SqliteType.Integer);
        var versionProgram = version.Parameters.Add("$program", SqliteType.Integer);
        version.Parameters.AddWithValue("$number", VersionNumber);
        version.Parameters.AddWithValue("$bundle", options.BundleId);
        version.Parameters.AddWithValue("$state", nameof(VersionState.Released));
        version.Parameters.AddWithValue("$owner", (object?)options.OwnerId ?? DBNull.Value);
        version.Parameters.AddWithValue("$createdAt", createdAt);
        version.Prepare();

        for (var i = 0; i < size; i++)
        {
            var id = firstProgram + i;
            var display = Name(options.NamePrefix, id);
            programId.Value = id;
            appId.Value = AppId.New();
            name.Value = display;
            normalized.Value = ProgramName.Normalize(display);
            category.Value = CategoryOf(id);
            releasedVersion.Value = firstVersion + i;
            await program.ExecuteNonQueryAsync(cancellationToken);
            versionId.Value = firstVersion + i;
            versionProgram.Value = id;
            await version.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return (firstProgram, firstProgram + size - 1);
    }

    /// <summary>
    /// One batch on PostgreSQL: both tables locked against other writers (readers go on), the programs and their
    /// versions copied in binary, then each program pointed at its version (its foreign keys are checked per statement)
    /// and the identity sequences moved past the new ids.
    /// </summary>
    private static async Task<(long First, long Last)> WritePostgresBatchAsync(NpgsqlConnection connection, BulkRegistrationOptions options, int size, DateTime createdAt, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """LOCK TABLE "MiniPrograms", "ProgramVersions" IN SHARE ROW EXCLUSIVE MODE""";
        await command.ExecuteNonQueryAsync(cancellationToken);
        var firstProgram = await NextIdAsync(command, "MiniPrograms", cancellationToken);
        var firstVersion = await NextIdAsync(command, "ProgramVersions", cancellationToken);

        await using (var programs = await connection.BeginBinaryImportAsync("""
            COPY "MiniPrograms" ("Id", "AppId", "Name", "NormalizedName", "Description", "Category", "OwnerId", "CreatedAt", "IsDemo", "PhasedPercentage")
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            for (var i = 0; i < size; i++)
            {
                var id = firstProgram + i;
                var display = Name(options.NamePrefix, id);
                await programs.StartRowAsync(cancellationToken);
                await programs.WriteAsync(id, NpgsqlDbType.Bigint, cancellationToken);
                await programs.WriteAsync(AppId.New(), NpgsqlDbType.Varchar, cancellationToken);
                await programs.WriteAsync(display, NpgsqlDbType.Varchar, cancellationToken);
                await programs.WriteAsync(ProgramName.Normalize(display), NpgsqlDbType.Varchar, cancellationToken);
                await programs.WriteAsync(Description, NpgsqlDbType.Varchar, cancellationToken);
                await programs.WriteAsync(CategoryOf(id), NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(programs, options.OwnerId, cancellationToken);
                await programs.WriteAsync(createdAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await programs.WriteAsync(false, NpgsqlDbType.Boolean, cancellationToken);
                await programs.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
            }
            await programs.CompleteAsync(cancellationToken);
        }
        await using (var versions = await connection.BeginBinaryImportAsync("""
            COPY "ProgramVersions" ("Id", "MiniProgramId", "Number", "Notes", "BundleId", "State", "UploadedById", "CreatedAt")
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            for (var i = 0; i < size; i++)
            {
                await versions.StartRowAsync(cancellationToken);
                await versions.WriteAsync(firstVersion + i, NpgsqlDbType.Bigint, cancellationToken);
                await versions.WriteAsync(firstProgram + i, NpgsqlDbType.Bigint, cancellationToken);
                await versions.WriteAsync(VersionNumber, NpgsqlDbType.Varchar, cancellationToken);
                await versions.WriteAsync("", NpgsqlDbType.Varchar, cancellationToken);
                await versions.WriteAsync(options.BundleId, NpgsqlDbType.Varchar, cancellationToken);
                await versions.WriteAsync(nameof(VersionState.Released), NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(versions, options.OwnerId, cancellationToken);
                await versions.WriteAsync(createdAt, NpgsqlDbType.TimestampTz, cancellationToken);
            }
            await versions.CompleteAsync(cancellationToken);
        }

        var lastProgram = firstProgram + size - 1;
        command.CommandText = """
            UPDATE "MiniPrograms" SET "ReleasedVersionId" = "Id" + @offset WHERE "Id" BETWEEN @first AND @last;
            SELECT setval(pg_get_serial_sequence('"MiniPrograms"', 'Id'), @last);
            SELECT setval(pg_get_serial_sequence('"ProgramVersions"', 'Id'), @lastVersion);
            """;
        command.Parameters.AddWithValue("offset", firstVersion - firstProgram);
        command.Parameters.AddWithValue("first", firstProgram);
        command.Parameters.AddWithValue("last", lastProgram);
        command.Parameters.AddWithValue("lastVersion", firstVersion + size - 1);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (firstProgram, lastProgram);
    }

    private static async Task<long> NextIdAsync(DbCommand command, string table, CancellationToken cancellationToken)
    {
        command.CommandText = $"""SELECT COALESCE(MAX("Id"), 0) + 1 FROM "{table}" """;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    private static string CategoryOf(long id) => s_categories.Value[(int)((ulong)id * 40503UL % (ulong)s_categories.Value.Length)];
}
