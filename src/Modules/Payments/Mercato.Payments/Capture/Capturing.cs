using Mercato.Payments.Completion;
using Mercato.Payments.Data;
using Mercato.Payments.Gateways;
using Mercato.Payments.Ledger;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Mercato.Payments.Capture;

/// <summary>
/// Ends an authorisation (manual capture): a capture takes all or part of the money held (the
/// rest is released), a void releases all of it. The gateway decides who wins when two arrive at
/// once (it captures a charge once; a repeat of the winner's key answers the same charge), and
/// its answer is applied through <see cref="PaymentCompletion"/>, so the ledger entry and its event
/// (<c>PaymentSucceeded</c>, or <c>PaymentFailed</c> for a release) are written in one transaction,
/// and the gateway's webhook about the same change finds them there.
/// </summary>
internal sealed partial class Capturing(PaymentsDbContext db, PaymentGateways gateways, PaymentCompletion completion, ILogger<Capturing> logger)
{
    /// <summary>
    /// Captures <paramref name="amount"/> (everything authorised when null) of an authorised payment.
    /// Errors: 404 no such payment, 409 not authorised (or its order was cancelled, or the gateway
    /// refused), 400 more than was authorised.
    /// </summary>
    public async Task<(Payment? Payment, ApiErrorResult? Error)> CaptureAsync(Guid paymentId, decimal? amount, string idempotencyKey, CancellationToken cancellationToken)
    {
        var (payment, error) = await AuthorisedAsync(paymentId, "captured", cancellationToken);
        if (payment is null)
        {
            return (null, error);
        }

        var authorised = PaymentLedger.Of(payment.Transactions).Authorized;
        var value = amount ?? authorised;
        if (value > authorised)
        {
            return (null, ApiResults.BadRequest(
                "amount", $"At most the {authorised:0.00} {payment.Currency} authorised can be captured", PaymentErrors.CaptureExceedsAuthorized));
        }

        if (await db.CancelledOrders.AsNoTracking().AnyAsync(c => c.OrderId == payment.OrderId, cancellationToken))
        {
            return (null, ApiResults.Conflict(
                PaymentErrors.OrderNotPayable, $"Order {payment.OrderNumber} was cancelled: release the authorisation (POST /api/v1/payments/{payment.Id}/cancel) instead"));
        }

        return await ApplyAsync(payment, g => g.CaptureAsync(payment.GatewayPaymentId!, value, payment.Currency, idempotencyKey, cancellationToken), cancellationToken);
    }

    /// <summary>Releases the money an authorised payment holds. Errors: 404 no such payment, 409 not authorised.</summary>
    public async Task<(Payment? Payment, ApiErrorResult? Error)> VoidAsync(Guid paymentId, CancellationToken cancellationToken)
    {
        var (payment, error) = await AuthorisedAsync(paymentId, "cancelled", cancellationToken);
        return payment is null
            ? (null, error)
            : await ApplyAsync(payment, g => g.VoidAsync(payment.GatewayPaymentId!, cancellationToken), cancellationToken);
    }

    private async Task<(Payment? Payment, ApiErrorResult? Error)> AuthorisedAsync(Guid paymentId, string verb, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.AsNoTracking().Include(p => p.Transactions).FirstOrDefaultAsync(p => p.Id == paymentId, cancellationToken);
        if (payment is null)
        {
            return (null, ApiResults.NotFound("Payment not found"));
        }

        return payment.Status == PaymentStatus.Authorized && payment.GatewayPaymentId is not null
            ? (payment, null)
            : (null, ApiResults.Conflict(
                PaymentErrors.NotAuthorized, $"Only an authorised payment can be {verb}; this one is {PaymentStatusNames.Of(payment.Status)}"));
    }

    private async Task<(Payment? Payment, ApiErrorResult? Error)> ApplyAsync(
        Payment payment, Func<IPaymentGateway, Task<GatewayCharge>> call, CancellationToken cancellationToken)
    {
        GatewayCharge charge;
        try
        {
            charge = await call(gateways.Get(payment.Gateway));
        }
        catch (GatewayRefusedException ex)
        {
            // Typically a capture or a release that lost the race to another one.
            LogRefused(payment.Id, ex.Code, ex.Message);
            return (null, ApiResults.Conflict(PaymentErrors.NotAuthorized, $"The gateway refused: {ex.Message}"));
        }

        await completion.ApplyAsync(payment.Id, charge, null, cancellationToken);
        var applied = await db.Payments.AsNoTracking().AsSplitQuery().Include(p => p.Refunds).Include(p => p.Transactions)
            .FirstAsync(p => p.Id == payment.Id, cancellationToken);
        return (applied, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The gateway refused to end the authorisation of payment {PaymentId}: {Code} {Reason}")]
    private partial void LogRefused(Guid paymentId, string code, string reason);
}
