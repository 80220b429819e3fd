using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Capsule.Cli.Dev;

/// <summary>
/// Payments in the simulator, with the platform's endpoints and rules, kept in memory: the program's backend
/// creates orders for the local developer's openid with the development appsecret, the simulator's payment sheet
/// pays them once, and the backend can query them. No money is involved anywhere.
/// </summary>
internal sealed class DevPayments
{
    private readonly ConcurrentDictionary<string, Order> _orders = new(StringComparer.Ordinal);

    private sealed record Order(string OutTradeNo, string PrepayId, string OpenId, int Amount, string Description, Params Payment)
    {
        public DateTime? PaidAt { get; set; }
    }

    internal sealed record Params(string? TimeStamp, string? NonceStr, string? Package, string? SignType, string? PaySign);

    internal sealed record CreateRequest(string? AppId, string? Secret, string? OpenId, int Amount, string? Description, string? OutTradeNo);

    public void Map(IEndpointRouteBuilder routes, DevProject project)
    {
        bool Authenticated(string? appId, string? secret) => appId == project.AppId && secret == DevIdentity.Secret;
        IResult BadSecret() => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not authenticated", detail: "invalid appid or appsecret");

        routes.MapPost("/api/pay/orders", (CreateRequest request) =>
        {
            if (!Authenticated(request.AppId, request.Secret))
            {
                return BadSecret();
            }
            if (request.OpenId != DevIdentity.OpenId(project.AppId))
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Payment refused", detail: $"{request.OpenId} is not an openid of {project.AppId}.");
            }
            if (request.Amount is < 1 or > 10_000_000 || string.IsNullOrWhiteSpace(request.Description) || string.IsNullOrWhiteSpace(request.OutTradeNo))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Payment refused", detail: "amount is 1 to 10,000,000 fen; description and outTradeNo are required.");
            }
            if (_orders.Values.Any(o => o.OutTradeNo == request.OutTradeNo))
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Payment refused", detail: $"There is already an order {request.OutTradeNo}.");
            }
            var prepayId = "wx" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var payment = new Params(DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), $"prepay_id={prepayId}", "HMAC-SHA256", Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
            _orders[prepayId] = new Order(request.OutTradeNo, prepayId, request.OpenId, request.Amount, request.Description.Trim(), payment);
            return Results.Ok(new { prepayId, payment });
        });
        routes.MapGet("/api/pay/orders/{outTradeNo}", (string outTradeNo, string? appid, string? secret) =>
        {
            if (!Authenticated(appid, secret))
            {
                return BadSecret();
            }
            return _orders.Values.SingleOrDefault(o => o.OutTradeNo == outTradeNo) is { } order
                ? Results.Ok(new { order.OutTradeNo, order.OpenId, order.Amount, order.Description, tradeState = order.PaidAt is null ? "NOTPAY" : "SUCCESS", order.PaidAt })
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such order", detail: $"There is no order {outTradeNo}.");
        });
        routes.MapPost("/dev/api/payments/{step}", (string step, Params parameters) =>
        {
            var prepayId = parameters.Package?.StartsWith("prepay_id=", StringComparison.Ordinal) == true ? parameters.Package["prepay_id=".Length..] : "";
            if (step is not ("verify" or "pay") || !_orders.TryGetValue(prepayId, out var order) || order.Payment != parameters)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Payment refused", detail: "invalid payment parameters");
            }
            if (step == "pay")
            {
                lock (order)
                {
                    order.PaidAt ??= DateTime.UtcNow;
                }
            }
            return Results.Ok(new { programName = project.AppId, order.Description, order.Amount, tradeState = order.PaidAt is null ? "NOTPAY" : "SUCCESS" });
        });
    }
}
