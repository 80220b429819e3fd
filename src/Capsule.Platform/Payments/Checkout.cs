using System.Security.Cryptography;
using System.Text;
using Capsule.Platform.Data;
using Capsule.Platform.MiniPrograms;
using Capsule.Platform.Registry;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Platform.Payments;

/// <summary>What wx.requestPayment takes, exactly as the order's creation answered it.</summary>
public sealed record PaymentParams(string? TimeStamp, string? NonceStr, string? Package, string? SignType, string? PaySign);

/// <summary>A refusal: the HTTP status and a readable reason.</summary>
public sealed record PaymentRefusal(int Status, string Reason);

/// <summary>Creating, confirming and querying orders. The backend authenticates with appid and appsecret; the payer is the signed-in user.</summary>
public sealed class Checkout(CapsuleDbContext db, TimeProvider time)
{
    public const string SignType = "HMAC-SHA256";

    /// <summary>The program when the appsecret is its own.</summary>
    public async Task<MiniProgram?> AuthenticateAsync(string? appId, string? secret, CancellationToken cancellationToken)
    {
        var program = appId is not null && AppId.IsValid(appId)
            ? await db.MiniPrograms.AsNoTracking().SingleOrDefaultAsync(p => p.AppId == appId, cancellationToken)
            : null;
        return program?.AppSecretHash is { } hash && !string.IsNullOrEmpty(secret) && AppSecret.Matches(secret, hash) ? program : null;
    }

    public async Task<(PaymentOrder? Order, PaymentRefusal? Refusal)> CreateAsync(
        MiniProgram program, string? openId, int amount, string? description, string? outTradeNo, CancellationToken cancellationToken)
    {
        if (amount is < 1 or > 10_000_000 || string.IsNullOrWhiteSpace(description) || description.Length > 128
            || outTradeNo is null || outTradeNo.Length is < 6 or > 32 || !outTradeNo.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '|' or '*'))
        {
            return (null, new PaymentRefusal(400, "amount is 1 to 10,000,000 fen, description 1 to 128 characters, outTradeNo 6 to 32 letters, digits or _-|*."));
        }
        var userId = await db.ProgramUsers.Where(u => u.MiniProgramId == program.Id && u.OpenId == openId).Select(u => u.UserId).SingleOrDefaultAsync(cancellationToken);
        if (userId is null)
        {
            return (null, new PaymentRefusal(404, $"{openId} is not an openid of {program.AppId}."));
        }
        if (await db.PaymentOrders.AnyAsync(o => o.MiniProgramId == program.Id && o.OutTradeNo == outTradeNo, cancellationToken))
        {
            return (null, new PaymentRefusal(409, $"There is already an order {outTradeNo}."));
        }
        var prepayId = "wx" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var timeStamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var signed = $"appId={program.AppId}&nonceStr={nonce}&package=prepay_id={prepayId}&signType={SignType}&timeStamp={timeStamp}";
        var order = new PaymentOrder
        {
            MiniProgramId = program.Id,
            OutTradeNo = outTradeNo,
            PrepayId = prepayId,
            UserId = userId,
            OpenId = openId!,
            Amount = amount,
            Description = description.Trim(),
            TimeStamp = timeStamp,
            NonceStr = nonce,
            PaySign = Convert.ToHexString(HMACSHA256.HashData(RandomNumberGenerator.GetBytes(32), Encoding.UTF8.GetBytes(signed))),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.PaymentOrders.Add(order);
        await db.SaveChangesAsync(cancellationToken);
        return (order, null);
    }

    /// <summary>The order the parameters name, when they are exactly what its creation answered and it is this user's in this program.</summary>
    public async Task<(PaymentOrder? Order, PaymentRefusal? Refusal)> VerifyAsync(MiniProgram program, string userId, PaymentParams parameters, CancellationToken cancellationToken)
    {
        var prepayId = parameters.Package is { } package && package.StartsWith("prepay_id=", StringComparison.Ordinal) ? package["prepay_id=".Length..] : null;
        var order = prepayId is null ? null : await db.PaymentOrders.AsNoTracking().SingleOrDefaultAsync(o => o.PrepayId == prepayId && o.MiniProgramId == program.Id, cancellationToken);
        if (order is null || parameters.SignType != SignType || parameters.TimeStamp != order.TimeStamp || parameters.NonceStr != order.NonceStr
            || parameters.PaySign is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parameters.PaySign), Encoding.ASCII.GetBytes(order.PaySign)))
        {
            return (null, new PaymentRefusal(400, "invalid payment parameters"));
        }
        return order.UserId == userId ? (order, null) : (null, new PaymentRefusal(403, "this order is for another user"));
    }

    /// <summary>Marks the order paid, once: paying a paid order again changes nothing and succeeds.</summary>
    public async Task<(PaymentOrder? Order, PaymentRefusal? Refusal)> PayAsync(MiniProgram program, string userId, PaymentParams parameters, CancellationToken cancellationToken)
    {
        var (order, refusal) = await VerifyAsync(program, userId, parameters, cancellationToken);
        if (order is null)
        {
            return (null, refusal);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await db.PaymentOrders.Where(o => o.Id == order.Id && o.UserId == userId && o.PaidAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.PaidAt, now), cancellationToken);
        return (await db.PaymentOrders.AsNoTracking().SingleAsync(o => o.Id == order.Id, cancellationToken), null);
    }

    public Task<PaymentOrder?> FindAsync(MiniProgram program, string outTradeNo, CancellationToken cancellationToken) =>
        db.PaymentOrders.AsNoTracking().SingleOrDefaultAsync(o => o.MiniProgramId == program.Id && o.OutTradeNo == outTradeNo, cancellationToken);
}
