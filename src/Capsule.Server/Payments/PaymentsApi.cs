using System.Security.Claims;
using Capsule.Platform.Accounts;
using Capsule.Platform.Payments;
using Capsule.Server.Versions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Capsule.Server.Payments;

/// <summary>A program's backend asks for an order (WeChat's unified order), authenticated by appid and appsecret.</summary>
public sealed record CreateOrderRequest(string? AppId, string? Secret, string? OpenId, int Amount, string? Description, string? OutTradeNo);

/// <summary>What <c>wx.requestPayment</c> takes (the backend hands it to the program), and the prepay id.</summary>
public sealed record CreatedOrder(string PrepayId, PaymentParams Payment);

/// <summary>An order as its backend queries it; <c>TradeState</c> is WeChat's <c>SUCCESS</c> or <c>NOTPAY</c>.</summary>
public sealed record OrderState(string OutTradeNo, string OpenId, int Amount, string Description, string TradeState, DateTime? PaidAt);

/// <summary>What the host's payment sheet shows.</summary>
public sealed record PaymentSummary(string ProgramName, string Description, int Amount, string TradeState);

/// <summary>
/// Payments with Capsule as the (pretend) provider of record: backends create and query orders; the host, for the
/// signed-in user, checks an order before showing its payment sheet and confirms it when the user presses Pay.
/// </summary>
public static class PaymentsApi
{
    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder routes)
    {
        var orders = routes.MapGroup("/api/pay/orders").WithTags("Payments");
        orders.MapPost("/", CreateAsync);
        orders.MapGet("/{outTradeNo}", QueryAsync);
        var payments = routes.MapGroup("/api/programs/{appId}/payments").WithTags("Payments").RequireAuthorization();
        payments.MapPost("/verify", (string appId, PaymentParams parameters, ClaimsPrincipal user, UserManager<CapsuleUser> users, Team team, Checkout checkout, CancellationToken cancellationToken) =>
            ConfirmAsync(appId, parameters, pay: false, user, users, team, checkout, cancellationToken));
        payments.MapPost("/pay", (string appId, PaymentParams parameters, ClaimsPrincipal user, UserManager<CapsuleUser> users, Team team, Checkout checkout, CancellationToken cancellationToken) =>
            ConfirmAsync(appId, parameters, pay: true, user, users, team, checkout, cancellationToken));
        return routes;
    }

    private static ProblemHttpResult Refused(PaymentRefusal refusal) =>
        TypedResults.Problem(statusCode: refusal.Status, title: "Payment refused", detail: refusal.Reason);

    private static ProblemHttpResult BadSecret() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not authenticated", detail: "invalid appid or appsecret");

    private static async Task<Results<Ok<CreatedOrder>, ProblemHttpResult>> CreateAsync(CreateOrderRequest request, Checkout checkout, CancellationToken cancellationToken)
    {
        if (await checkout.AuthenticateAsync(request.AppId, request.Secret, cancellationToken) is not { } program)
        {
            return BadSecret();
        }
        var (order, refusal) = await checkout.CreateAsync(program, request.OpenId, request.Amount, request.Description, request.OutTradeNo, cancellationToken);
        return order is null
            ? Refused(refusal!)
            : TypedResults.Ok(new CreatedOrder(order.PrepayId, new PaymentParams(order.TimeStamp, order.NonceStr, $"prepay_id={order.PrepayId}", Checkout.SignType, order.PaySign)));
    }

    private static async Task<Results<Ok<OrderState>, ProblemHttpResult>> QueryAsync(string outTradeNo, string? appid, string? secret, Checkout checkout, CancellationToken cancellationToken)
    {
        if (await checkout.AuthenticateAsync(appid, secret, cancellationToken) is not { } program)
        {
            return BadSecret();
        }
        return await checkout.FindAsync(program, outTradeNo, cancellationToken) is { } order
            ? TypedResults.Ok(new OrderState(order.OutTradeNo, order.OpenId, order.Amount, order.Description, order.PaidAt is null ? "NOTPAY" : "SUCCESS", order.PaidAt))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such order", detail: $"There is no order {outTradeNo}.");
    }

    private static async Task<Results<Ok<PaymentSummary>, ProblemHttpResult>> ConfirmAsync(
        string appId, PaymentParams parameters, bool pay, ClaimsPrincipal user, UserManager<CapsuleUser> users, Team team, Checkout checkout, CancellationToken cancellationToken)
    {
        var (program, refusal) = await team.RunnableAsync(appId, user, cancellationToken);
        if (program is null)
        {
            return refusal!;
        }
        var userId = users.GetUserId(user)!;
        var (order, refused) = pay
            ? await checkout.PayAsync(program, userId, parameters, cancellationToken)
            : await checkout.VerifyAsync(program, userId, parameters, cancellationToken);
        return order is null
            ? Refused(refused!)
            : TypedResults.Ok(new PaymentSummary(program.Name, order.Description, order.Amount, order.PaidAt is null ? "NOTPAY" : "SUCCESS"));
    }
}
