using Capsule.Platform;
using Capsule.Server.Accounts;
using Capsule.Server.Bundles;
using Capsule.Server.Client;
using Capsule.Server.Codes;
using Capsule.Server.Discovery;
using Capsule.Server.Health;
using Capsule.Server.MiniPrograms;
using Capsule.Server.Registry;
using Capsule.Server.Reviews;
using Capsule.Server.Search;
using Capsule.Server.Versions;
using Microsoft.AspNetCore.ResponseCompression;

namespace Capsule.Server.Hosting;

/// <summary>Composes the server: configuration, services, middleware and the feature APIs.</summary>
public static class ServerSetup
{
    /// <summary>The environment variable that names the data directory (DESIGN.md interface 4).</summary>
    public const string DataDirVariable = "CAPSULE_DATA_DIR";

    public static WebApplicationBuilder AddCapsuleServer(this WebApplicationBuilder builder)
    {
        var dataDir = Environment.GetEnvironmentVariable(DataDirVariable);
        if (!string.IsNullOrWhiteSpace(dataDir) && builder.Configuration[$"{CapsuleOptions.Section}:{nameof(CapsuleOptions.DataDir)}"] is null)
        {
            builder.Configuration[$"{CapsuleOptions.Section}:{nameof(CapsuleOptions.DataDir)}"] = dataDir;
        }
        builder.Services.AddCapsulePlatform(builder.Configuration);
        builder.Services.AddCapsuleAccounts(builder.Configuration);
        builder.Services.AddScoped<Team>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["text/javascript"]);
        });
        return builder;
    }

    public static WebApplication UseCapsuleServer(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseResponseCompression();
        app.UseCapsuleClient();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapAccountsApi();
        app.MapRegistryApi();
        app.MapSearchApi();
        app.MapVersionsApi();
        app.MapReviewsApi();
        app.MapHealthApi();
        app.MapLaunchApi();
        app.MapBundleApi();
        app.MapCodesApi();
        app.MapDiscoveryApi();
        app.MapHomeScreenApi();
        return app;
    }
}
