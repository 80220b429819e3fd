using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Capsule.Cli.Dev;

/// <summary>
/// Identity in the simulator, so login can be developed end to end: the local developer logs in, and the
/// program's backend exchanges the code at this server's <c>/sns/jscode2session</c> with the project's appid and
/// the development appsecret <see cref="Secret"/>. Codes are one-time and expire as on the platform.
/// </summary>
internal sealed class DevIdentity
{
    /// <summary>The appsecret jscode2session accepts in development.</summary>
    public const string Secret = "capsule-dev-secret";

    private readonly ConcurrentDictionary<string, DateTime> _codes = new(StringComparer.Ordinal);
    private readonly string _sessionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
    private volatile bool _loggedIn;

    /// <summary>The developer's openid in a program: stable per appid, different across appids.</summary>
    public static string OpenId(string appId) =>
        "o" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("capsule-dev:" + appId))).Replace('+', '-').Replace('/', '_')[..27];

    public void Map(IEndpointRouteBuilder routes, DevProject project)
    {
        routes.MapPost("/dev/api/login-code", () =>
        {
            var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            _codes[code] = DateTime.UtcNow.AddMinutes(5);
            _loggedIn = true;
            return Results.Ok(new { code });
        });
        routes.MapGet("/dev/api/session", () => Results.Ok(new { valid = _loggedIn }));
        routes.MapGet("/dev/api/user-profile", () => Results.Ok(new
        {
            nickName = "Developer",
            avatarUrl = "",
            gender = 0,
            country = "",
            province = "",
            city = "",
            language = "zh_CN",
        }));
        routes.MapGet("/sns/jscode2session", (HttpRequest request) =>
        {
            var query = request.Query;
            var (errcode, errmsg) = query["grant_type"] != "authorization_code" ? (40002, "invalid grant_type")
                : query["appid"] != project.AppId ? (40013, "invalid appid")
                : query["secret"] != Secret ? (40125, "invalid appsecret")
                : Claim(query["js_code"].ToString());
            return errcode == 0
                ? Results.Ok(new { openid = OpenId(project.AppId), session_key = _sessionKey, errcode, errmsg })
                : Results.Ok(new { errcode, errmsg });
        });
    }

    private (int, string) Claim(string code)
    {
        if (!_codes.TryRemove(code, out var expires))
        {
            return (40029, "invalid code");
        }
        return expires > DateTime.UtcNow ? (0, "ok") : (40029, "invalid code");
    }
}
