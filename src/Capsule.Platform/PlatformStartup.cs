using Capsule.Platform.Accounts;
using Capsule.Platform.Data;
using Capsule.Platform.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Capsule.Platform;

/// <summary>
/// Runs before the server accepts requests: applies pending migrations, creates the roles, then publishes
/// the demo samples when configured. A failure here stops the start-up with the reason.
/// </summary>
public sealed class PlatformStartup(IServiceProvider services, IOptions<CapsuleOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapsuleDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        if (!string.IsNullOrWhiteSpace(options.Value.DemoSamples))
        {
            await scope.ServiceProvider.GetRequiredService<DemoContent>().PublishAsync(options.Value.DemoSamples, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
