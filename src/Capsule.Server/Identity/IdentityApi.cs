using System.Security.Claims;
using System.Text.Json.Serialization;
using Capsule.Platform.Accounts;
using Capsule.Platform.Identity;
using Capsule.Server.Versions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Capsule.Server.Identity;

public sealed record LoginCodeAnswer(string Code);

public sealed record SessionAnswer(bool Valid);

/// <summary>The profile <c>wx.getUserProfile</c> hands a program after the user allows it, in WeChat's shape.</summary>
public sealed record UserInfo(string NickName, string AvatarUrl, int Gender, string Country, string Province, string City, string Language);

/// <summary>jscode2session's answer in WeChat's shape: the session, or <c>errcode</c> and <c>errmsg</c>.</summary>
public sealed record Jscode2SessionAnswer(
    [property: JsonPropertyName("openid"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OpenId,
    [property: JsonPropertyName("session_key"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SessionKey,
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("errmsg")] string ErrMsg);

/// <summary>
/// Identity for mini programs: the host gets <c>wx.login</c> codes for the signed-in user, and the program's backend
/// exchanges one for the user's openid at a WeChat-compatible <c>/sns/jscode2session</c>.
/// </summary>
public static class IdentityApi
{
    public static IEndpointRouteBuilder MapIdentityApi(this IEndpointRouteBuilder routes)
    {
        var programs = routes.MapGroup("/api/programs/{appId}").WithTags("Identity").RequireAuthorization();
        programs.MapPost("/login-code", LoginCodeAsync);
        programs.MapGet("/session", SessionAsync);
        programs.MapGet("/user-profile", UserProfileAsync);
        routes.MapGet("/sns/jscode2session", Jscode2SessionAsync).WithTags("Identity");
        return routes;
    }

    private static async Task<Results<Ok<LoginCodeAnswer>, ProblemHttpResult>> LoginCodeAsync(
        string appId, ClaimsPrincipal user, UserManager<CapsuleUser> users, Team team, Logins logins, CancellationToken cancellationToken)
    {
        var (program, refusal) = await team.RunnableAsync(appId, user, cancellationToken);
        return program is null ? refusal! : TypedResults.Ok(new LoginCodeAnswer(await logins.NewCodeAsync(program, users.GetUserId(user)!, cancellationToken)));
    }

    private static async Task<Results<Ok<SessionAnswer>, ProblemHttpResult>> SessionAsync(
        string appId, ClaimsPrincipal user, UserManager<CapsuleUser> users, Team team, Logins logins, CancellationToken cancellationToken)
    {
        var (program, refusal) = await team.RunnableAsync(appId, user, cancellationToken);
        return program is null ? refusal! : TypedResults.Ok(new SessionAnswer(await logins.SessionValidAsync(program, users.GetUserId(user)!, cancellationToken)));
    }

    /// <summary>The caller's own nickname and avatar; the host shows them to the program only after the user allows it.</summary>
    private static async Task<Results<Ok<UserInfo>, ProblemHttpResult>> UserProfileAsync(
        string appId, ClaimsPrincipal user, UserManager<CapsuleUser> users, Team team, CancellationToken cancellationToken)
    {
        var (program, refusal) = await team.RunnableAsync(appId, user, cancellationToken);
        if (program is null)
        {
            return refusal!;
        }
        var me = await users.GetUserAsync(user);
        return TypedResults.Ok(new UserInfo(me?.Nickname ?? "", me?.AvatarUrl ?? "", 0, "", "", "", "zh_CN"));
    }

    /// <summary>WeChat's <c>GET /sns/jscode2session?appid=&amp;secret=&amp;js_code=&amp;grant_type=authorization_code</c>; errors are 200 with an errcode, as WeChat answers.</summary>
    private static async Task<Ok<Jscode2SessionAnswer>> Jscode2SessionAsync(
        string? appid, string? secret, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "js_code")] string? jsCode, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "grant_type")] string? grantType,
        Logins logins, CancellationToken cancellationToken)
    {
        if (grantType != "authorization_code")
        {
            return TypedResults.Ok(new Jscode2SessionAnswer(null, null, 40002, "invalid grant_type"));
        }
        var exchange = await logins.ExchangeAsync(appid, secret, jsCode, cancellationToken);
        return TypedResults.Ok(new Jscode2SessionAnswer(exchange.OpenId, exchange.SessionKey, exchange.ErrCode, exchange.ErrMsg));
    }
}
