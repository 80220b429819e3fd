using System.ComponentModel.DataAnnotations;

namespace Capsule.Platform;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Capsule</c> configuration section.</summary>
public sealed class CapsuleOptions
{
    public const string Section = "Capsule";

    /// <summary>Where the SQLite file and the bundles live. <c>CAPSULE_DATA_DIR</c> sets it.</summary>
    [Required]
    public string DataDir { get; set; } = DefaultDataDir();

    public DatabaseProvider Database { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>A folder of sample projects to publish as demo programs at start; none when empty.</summary>
    public string? DemoSamples { get; set; }

    /// <summary>People who become operators when they sign up (to bootstrap a new installation).</summary>
    public string[] OperatorEmails { get; set; } = [];

    /// <summary>Sign-in attempts allowed per client address per minute.</summary>
    [Range(1, 10_000)]
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>Exact-name searches allowed per client address per minute.</summary>
    [Range(1, 1_000_000)]
    public int SearchesPerMinute { get; set; } = 120;

    /// <summary>
    /// How long a search answer is cached. Changes saved by this server show at once; changes saved by another
    /// server sharing the PostgreSQL database show within this time. 0 turns the cache off.
    /// </summary>
    [Range(0, 300)]
    public int SearchCacheSeconds { get; set; } = 10;

    /// <summary>How many search answers (found or not) are cached at most.</summary>
    [Range(0, 1_000_000)]
    public int SearchCacheEntries { get; set; } = 50_000;

    /// <summary>Shells older than this are asked to update before they open a mini program (WeChat's was 6.5.3).</summary>
    public Version MinimumClientVersion { get; set; } = new(1, 0, 0);

    public string BundlesDir => Path.Combine(DataDir, "bundles");

    public string SqlitePath => Path.Combine(DataDir, "capsule.db");

    private static string DefaultDataDir() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "capsule");
}
