using Microsoft.Extensions.Options;

namespace Capsule.Server.Hosting;

/// <summary>
/// Starts the server, prints where it listens, and turns start-up failures caused by bad input
/// (configuration, data directory, a busy port, an unreachable database) into one clear line.
/// </summary>
public static class ServerRunner
{
    public static async Task<int> RunCapsuleAsync(this WebApplication app)
    {
        try
        {
            await app.StartAsync();
        }
        catch (Exception error) when (Describe(error) is { } reason)
        {
            await Console.Error.WriteLineAsync($"capsule: cannot start: {reason}");
            return 1;
        }
        foreach (var url in app.Urls)
        {
            Console.WriteLine($"Capsule is running at {url.TrimEnd('/')}/");
        }
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static string? Describe(Exception error) => error switch
    {
        OptionsValidationException options => string.Join("; ", options.Failures),
        IOException io when io.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) => io.Message.TrimEnd('.'),
        IOException io when io.InnerException is not null => Describe(io.InnerException) ?? io.Message,
        Microsoft.Data.Sqlite.SqliteException sqlite => $"cannot open the SQLite database: {sqlite.Message}",
        Npgsql.NpgsqlException npgsql => $"cannot reach PostgreSQL: {npgsql.Message}",
        AggregateException aggregate when aggregate.InnerExceptions.Count == 1 => Describe(aggregate.InnerExceptions[0]),
        _ => null,
    };
}
