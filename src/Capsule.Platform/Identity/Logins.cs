using System.Security.Cryptography;
using System.Text;
using Capsule.Platform.Data;
using Capsule.Platform.MiniPrograms;
using Capsule.Platform.Registry;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Platform.Identity;

/// <summary>What jscode2session answers: the session, or WeChat's error code and message.</summary>
public sealed record CodeExchange(string? OpenId, string? SessionKey, int ErrCode, string ErrMsg);

/// <summary><c>wx.login</c> codes and their exchange for an openid, as WeChat's jscode2session does.</summary>
public sealed class Logins(CapsuleDbContext db, TimeProvider time)
{
    /// <summary>How long a session lasts after a login (wx.checkSession succeeds until then).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(3);

    /// <summary>A fresh one-time code for the user in this program; also starts a new session.</summary>
    public async Task<string> NewCodeAsync(MiniProgram program, string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var user = await db.ProgramUsers.SingleOrDefaultAsync(u => u.MiniProgramId == program.Id && u.UserId == userId, cancellationToken);
        if (user is null)
        {
            user = new ProgramUser { MiniProgramId = program.Id, UserId = userId, OpenId = "o" + Random(20)[..27], SessionKey = "" };
            db.ProgramUsers.Add(user);
        }
        user.SessionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        user.SessionExpiresAt = now + SessionLifetime;
        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        db.LoginCodes.Add(new LoginCode { CodeHash = Hash(code), MiniProgramId = program.Id, UserId = userId, ExpiresAt = now + LoginCode.Lifetime });
        await db.LoginCodes.Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return code;
    }

    /// <summary>Whether the user's session with the program is still valid.</summary>
    public Task<bool> SessionValidAsync(MiniProgram program, string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.ProgramUsers.AnyAsync(u => u.MiniProgramId == program.Id && u.UserId == userId && u.SessionExpiresAt > now, cancellationToken);
    }

    /// <summary>jscode2session: the appid and appsecret must match, and the code is honoured once.</summary>
    public async Task<CodeExchange> ExchangeAsync(string? appId, string? secret, string? code, CancellationToken cancellationToken)
    {
        var program = appId is not null && AppId.IsValid(appId)
            ? await db.MiniPrograms.AsNoTracking().SingleOrDefaultAsync(p => p.AppId == appId, cancellationToken)
            : null;
        if (program is null)
        {
            return new CodeExchange(null, null, 40013, "invalid appid");
        }
        if (program.AppSecretHash is null || string.IsNullOrEmpty(secret) || !AppSecret.Matches(secret, program.AppSecretHash))
        {
            return new CodeExchange(null, null, 40125, "invalid appsecret");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var hash = Hash(code ?? "");
        var found = await db.LoginCodes.AsNoTracking().SingleOrDefaultAsync(c => c.CodeHash == hash && c.MiniProgramId == program.Id, cancellationToken);
        if (found is null || found.ExpiresAt <= now)
        {
            return new CodeExchange(null, null, 40029, "invalid code");
        }
        var claimed = await db.LoginCodes.Where(c => c.CodeHash == hash && c.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return new CodeExchange(null, null, 40163, "code been used");
        }
        var user = await db.ProgramUsers.AsNoTracking().SingleAsync(u => u.MiniProgramId == program.Id && u.UserId == found.UserId, cancellationToken);
        return new CodeExchange(user.OpenId, user.SessionKey, 0, "ok");
    }

    /// <summary>The openid a user has in a program, if they ever logged in to it.</summary>
    public Task<string?> OpenIdAsync(long programId, string userId, CancellationToken cancellationToken) =>
        db.ProgramUsers.Where(u => u.MiniProgramId == programId && u.UserId == userId).Select(u => u.OpenId).SingleOrDefaultAsync(cancellationToken);

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    private static string Random(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
}
