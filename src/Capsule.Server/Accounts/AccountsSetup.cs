using System.Net;
using System.Threading.RateLimiting;
using Capsule.Platform;
using Capsule.Server.Search;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Capsule.Server.Accounts;

/// <summary>Authentication (cookie for the shell, access token for the CLI), authorization and the rate limits.</summary>
public static class AccountsSetup
{
    public const string SignInLimit = "sign-in";

    private const string SelectScheme = "Capsule";

    public static IServiceCollection AddCapsuleAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SelectScheme;
                options.DefaultAuthenticateScheme = SelectScheme;
                options.DefaultChallengeScheme = SelectScheme;
                options.DefaultForbidScheme = SelectScheme;
            })
            .AddPolicyScheme(SelectScheme, "Cookie or access token", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? AccessTokenHandler.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenHandler>(AccessTokenHandler.SchemeName, null);
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "capsule";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.SlidingExpiration = true;
            options.Events.OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorization();
        var section = configuration.GetSection(CapsuleOptions.Section);
        var perMinute = section.GetValue(nameof(CapsuleOptions.SignInPerMinute), 10);
        var searchesPerMinute = section.GetValue(nameof(CapsuleOptions.SearchesPerMinute), 120);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignInLimit, PerClientAddress(perMinute));
            options.AddPolicy(SearchApi.SearchLimit, PerClientAddress(searchesPerMinute));
        });
        return services;
    }

    /// <summary>
    /// A limit of <paramref name="perMinute"/> requests in each one-minute window for each client address. Partitions
    /// are keyed by the address itself and share one limiter factory, so sorting a request into its partition allocates
    /// nothing.
    /// </summary>
    private static Func<HttpContext, RateLimitPartition<IPAddress>> PerClientAddress(int perMinute)
    {
        var window = new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
        Func<IPAddress, RateLimiter> limiter = _ => new FixedWindowRateLimiter(window);
        return context => RateLimitPartition.Get(context.Connection.RemoteIpAddress ?? IPAddress.Loopback, limiter);
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
