using Mercato.Payments.Completion;
using Mercato.Payments.Data;
using Mercato.Payments.Gateways;
using Mercato.Payments.Ledger;
using Mercato.Payments.Payments;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.Idempotency;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mercato.Payments.Process;

/// <summary>
/// <c>POST /api/v1/payments/process</c> (seed 004): a customer pays their order with a saved card.
/// Answers <c>succeeded</c>, <c>requires_action</c> (with the challenge page's URL), or 402
/// <c>PAYMENT_FAILED</c> with the gateway's reason.
/// </summary>
internal static class ProcessPaymentApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapProcessPaymentApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ModuleGroup(PaymentsModule.Descriptor).MapGroup("/api/v1/payments").WithTags("Payments")
            .MapPost("/process", ProcessAsync)
            .AllowAnonymous()
            .WithIdempotency<PaymentsDbContext>()
            .WithName("ProcessPayment")
            .WithSummary("Pays the caller's order with a saved card: succeeded, requires_action (actionUrl) or 402 PAYMENT_FAILED; amount and currency must be the order's; Idempotency-Key honoured");
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<PaymentResponse>>, ApiErrorResult>> ProcessAsync(
        ProcessPaymentRequest request,
        HttpContext context,
        PaymentsDbContext db,
        PayableOrders payable,
        PaymentGateways gateways,
        PaymentCompletion completion,
        PaymentUrls urls,
        IOptions<PaymentsOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (caller, error) = PaymentCaller.From(context, allowGuest: false);
        if (caller is null)
        {
            return error!;
        }

        var (order, refused) = await payable.FindAsync(caller, request.OrderId, cancellationToken);
        if (order is null)
        {
            return refused!;
        }

        var methodId = request.PaymentMethodId ?? order.PaymentMethodId;
        if (methodId is null)
        {
            return ApiResults.BadRequest("paymentMethodId", "Name the saved card to pay with (the order was placed without one)", ErrorCodes.RequiredField);
        }

        var method = await db.PaymentMethods.AsNoTracking()
            .FirstOrDefaultAsync(m => m.Id == methodId && m.UserId == caller.UserId, cancellationToken);
        if (method is null)
        {
            return ApiResults.Error(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Payment method not found", "paymentMethodId");
        }

        if (request.PaymentGateway is { } named && !string.Equals(named, method.Gateway, StringComparison.OrdinalIgnoreCase))
        {
            return ApiResults.BadRequest("paymentGateway", $"The payment method is held by the {method.Gateway} gateway");
        }

        var gateway = gateways.Find(method.Gateway);
        if (gateway is null)
        {
            return ApiResults.BadRequest("paymentMethodId", $"The {method.Gateway} gateway that holds this card is not enabled");
        }


        var currency = options.Value.Currency;
        if (request.Amount != order.Total)
        {
            return ApiResults.BadRequest("amount", $"The amount must be the order's total, {order.Total:0.00} {currency}", PaymentErrors.AmountMismatch);
        }

        if (!string.Equals(request.Currency, currency, StringComparison.OrdinalIgnoreCase))
        {
            return ApiResults.BadRequest("currency", $"The currency must be the shop's, {currency}", PaymentErrors.AmountMismatch);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var payment = Payment.For(order, currency, gateway.Name, now);
        payment.PaymentMethodId = method.Id;
        payment.CardBrand = method.Brand;
        payment.CardLast4 = method.Last4;
        payment.ReturnUrl = request.ReturnUrl;
        payment.CancelUrl = request.CancelUrl;
        db.Payments.Add(payment);
        await db.SaveChangesAsync(cancellationToken);

        GatewayCharge charge;
        try
        {
            charge = await gateway.ChargeAsync(
                new ChargeRequest(payment.Id, method.GatewayMethodId, payment.Amount, currency, urls.PaymentReturn(payment.Id), payment.Id.ToString("N"), options.Value.ManualCapture),
                cancellationToken);
        }
        catch (GatewayRefusedException ex)
        {
            charge = new GatewayCharge(payment.Id.ToString("N"), payment.Id, ChargeState.Failed, payment.Amount, currency, method.Brand, method.Last4, ex.Code, null, now);
        }

        var applied = await completion.ApplyAsync(payment.Id, charge, null, cancellationToken) ?? payment;
        applied = await db.Payments.AsNoTracking().AsSplitQuery().Include(p => p.Refunds).Include(p => p.Transactions)
            .FirstAsync(p => p.Id == applied.Id, cancellationToken);
        var body = PaymentResponse.From(applied, caller.IsAdmin);
        return applied.Status switch
        {
            PaymentStatus.Failed => ApiResults.Error(
                StatusCodes.Status402PaymentRequired, ErrorCodes.PaymentFailed, $"The payment was declined: {applied.FailureReason}", "paymentMethodId"),
            PaymentStatus.RequiresAction => ApiResults.Ok(body, "Authentication required: send the shopper to actionUrl"),
            PaymentStatus.Authorized => ApiResults.Ok(body, "Payment authorised: the money is held until it is captured or released"),
            _ => ApiResults.Ok(body, "Payment processed successfully"),
        };
    }
}
