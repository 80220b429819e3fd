using Capsule.Platform.Accounts;
using Capsule.Platform.Bundles;
using Capsule.Platform.Chats;
using Capsule.Platform.Codes;
using Capsule.Platform.Contacts;
using Capsule.Platform.Data;
using Capsule.Platform.Demo;
using Capsule.Platform.Discovery;
using Capsule.Platform.Identity;
using Capsule.Platform.Moments;
using Capsule.Platform.Network;
using Capsule.Platform.Payments;
using Capsule.Platform.Registry;
using Capsule.Platform.Search;
using Capsule.Platform.Versions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Capsule.Platform;

public static class PlatformServiceCollectionExtensions
{
    public const string ConnectionStringName = "Capsule";

    /// <summary>Registers the database (SQLite by default, PostgreSQL by configuration), bundle storage, search and start-up work.</summary>
    public static IServiceCollection AddCapsulePlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CapsuleOptions>()
            .Bind(configuration.GetSection(CapsuleOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Database != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName)),
                "Capsule:Database is Postgres but ConnectionStrings:Capsule is not set")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CapsuleOptions>, DataDirValidation>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<BundleStore>();
        services.AddScoped<DemoContent>();
        services.AddScoped<AccessTokens>();
        services.AddScoped<ProgramRegistry>();
        services.AddScoped<ContactBook>();
        services.AddScoped<Conversations>();
        services.AddScoped<MomentsFeed>();
        services.AddScoped<VersionUploads>();
        services.AddScoped<VersionLifecycle>();
        services.AddScoped<ServerDomains>();
        services.AddScoped<Logins>();
        services.AddScoped<Checkout>();
        services.AddSingleton<SearchCache>();
        services.AddSingleton<SearchCacheInvalidation>();
        services.AddSingleton<ProgramSearch>();
        services.AddSingleton<CodeKey>();
        services.AddSingleton<CodeLinks>();
        services.AddScoped<LinkRules>();
        services.AddScoped<ProgramShelf>();
        services.AddOptions<UploadLimits>().Bind(configuration.GetSection(UploadLimits.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddIdentity<CapsuleUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddEntityFrameworkStores<CapsuleDbContext>()
            .AddDefaultTokenProviders();
        services.AddHostedService<PlatformStartup>();

        var provider = configuration.GetSection(CapsuleOptions.Section).GetValue(nameof(CapsuleOptions.Database), DatabaseProvider.Sqlite);
        // Pooled: a request leases a context that is reset when it ends instead of building a new one. The options are
        // built once, from the root provider; the contexts hold no state of their own.
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextPool<CapsuleDbContext, PostgresCapsuleDbContext>((sp, options) => options
                .UseNpgsql(configuration.GetConnectionString(ConnectionStringName))
                .AddInterceptors(sp.GetRequiredService<SearchCacheInvalidation>()));
        }
        else
        {
            services.AddDbContextPool<CapsuleDbContext, SqliteCapsuleDbContext>((sp, options) => options
                .UseSqlite($"Data Source={sp.GetRequiredService<IOptions<CapsuleOptions>>().Value.SqlitePath}")
                .AddInterceptors(sp.GetRequiredService<SearchCacheInvalidation>()));
        }
        return services;
    }
}
