using Capsule.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Capsule.Server.Tests;

/// <summary>
/// The server in-process against a real database, with the demo samples: SQLite in a temp data dir, or, when
/// CAPSULE_TEST_POSTGRES holds a connection string (scripts/test.sh sets it for its second run), a fresh
/// PostgreSQL database that is dropped afterwards.
/// </summary>
public class CapsuleApiFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _dataDir = new();
    private readonly string? _postgres = Environment.GetEnvironmentVariable("CAPSULE_TEST_POSTGRES") is { Length: > 0 } server
        ? $"{server};Database=capsule_test_{Guid.NewGuid():N}"
        : null;

    public const string OperatorEmail = "operator@capsule.test";

    public string DataDir => _dataDir.Path;

    /// <summary>High by default so tests that sign in often are not limited; the rate-limit test lowers it.</summary>
    protected virtual int SignInPerMinute => 10_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Capsule:DataDir", _dataDir.Path);
        builder.UseSetting("Capsule:DemoSamples", RepoPaths.Samples);
        builder.UseSetting("Capsule:OperatorEmails:0", OperatorEmail);
        builder.UseSetting("Capsule:SignInPerMinute", SignInPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (_postgres is not null)
        {
            builder.UseSetting("Capsule:Database", "Postgres");
            builder.UseSetting("ConnectionStrings:Capsule", _postgres);
        }
        builder.UseSetting("Capsule:Upload:MaxPackageBytes", (2 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private void DropDatabase()
    {
        if (_postgres is null)
        {
            return;
        }
        var builder = new NpgsqlConnectionStringBuilder(_postgres);
        var database = builder.Database;
        builder.Database = "postgres";
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _dataDir.Dispose();
            DropDatabase();
        }
    }
}
