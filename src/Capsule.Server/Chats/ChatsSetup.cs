using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Capsule.Server.Chats;

/// <summary>SignalR (with a Redis backplane when <c>Capsule:Redis</c> is set) and the rate limits of chats and Moments.</summary>
public static class ChatsSetup
{
    public const string SendLimit = "chat-send";

    public const string TicketLimit = "share-ticket";

    public static IServiceCollection AddCapsuleChats(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR(options => options.MaximumReceiveMessageSize = 32 * 1024);
        if (configuration["Capsule:Redis"] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("capsule"));
        }
        var perMinute = configuration.GetValue("Capsule:MessagesPerMinute", 120);
        services.Configure<RateLimiterOptions>(options =>
        {
            options.AddPolicy(SendLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.AddPolicy(TicketLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 600, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
