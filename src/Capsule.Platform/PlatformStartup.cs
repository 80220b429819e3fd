using Capsule.Platform.Data;
using Capsule.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Capsule.Platform;

/// <summary>
/// Runs before the server accepts requests: applies pending migrations, then publishes the demo samples
/// when configured. A failure here stops the start-up with the reason.
/// </summary>
public sealed class PlatformStartup(IServiceProvider services, IOptions<CapsuleOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapsuleDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(options.Value.DemoSamples))
        {
            await scope.ServiceProvider.GetRequiredService<DemoContent>().PublishAsync(options.Value.DemoSamples, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
