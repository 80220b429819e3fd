using System.Security.Cryptography;
using System.Text;
using Capsule.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Platform.Accounts;

/// <summary>Creates, finds and revokes personal access tokens (<c>cpat_…</c>).</summary>
public sealed class AccessTokens(CapsuleDbContext db, TimeProvider time)
{
    public const string SecretPrefix = "cpat_";

    /// <summary>Creates a token; the returned secret is the only time it is seen.</summary>
    public async Task<(PersonalAccessToken Token, string Secret)> CreateAsync(string userId, string name, CancellationToken cancellationToken)
    {
        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new PersonalAccessToken
        {
            UserId = userId,
            Name = name,
            Prefix = secret[..(SecretPrefix.Length + 6)],
            SecretHash = Hash(secret),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    /// <summary>The user a secret belongs to, or null; records when the token was last used.</summary>
    public async Task<string?> FindUserAsync(string secret, CancellationToken cancellationToken)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var hash = Hash(secret);
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.SecretHash == hash, cancellationToken);
        if (token is null)
        {
            return null;
        }
        token.LastUsedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return token.UserId;
    }

    public Task<List<PersonalAccessToken>> ListAsync(string userId, CancellationToken cancellationToken) =>
        db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.Id).ToListAsync(cancellationToken);

    /// <summary>Deletes one of the user's tokens; false when the user has no such token.</summary>
    public async Task<bool> RevokeAsync(string userId, long id, CancellationToken cancellationToken) =>
        await db.PersonalAccessTokens.Where(t => t.UserId == userId && t.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
