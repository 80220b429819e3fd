using Capsule.Network;
using Capsule.Platform;
using Capsule.Server.Accounts;
using Capsule.Server.Bundles;
using Capsule.Server.Chats;
using Capsule.Server.Client;
using Capsule.Server.Codes;
using Capsule.Server.Contacts;
using Capsule.Server.Discovery;
using Capsule.Server.Health;
using Capsule.Server.Identity;
using Capsule.Server.MiniPrograms;
using Capsule.Server.Moments;
using Capsule.Server.Network;
using Capsule.Server.Payments;
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
        builder.Services.AddCapsuleChats(builder.Configuration);
        builder.Services.AddCapsuleNetwork(builder.Configuration);
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
        app.UseWebSockets();
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
        app.MapIdentityApi();
        app.MapPaymentsApi();
        app.MapNetworkApi(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ProxyOptions>>().Value);
        app.MapBundleApi();
        app.MapContactsApi();
        app.MapChatsApi();
        app.MapMomentsApi();
        app.MapCodesApi();
        app.MapLinkRulesApi();
        app.MapDiscoveryApi();
        app.MapHomeScreenApi();
        return app;
    }
}
