using Mercato.Messaging.Outbox;
using Mercato.Payments.Contracts;
using Mercato.Payments.Data;
using Mercato.Payments.Gateways;
using Mercato.Payments.LatePayments;
using Mercato.Payments.Ledger;
using Mercato.Payments.Refunds;
using Mercato.Payments.Webhooks;
using Mercato.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Mercato.Payments.Completion;

/// <summary>
/// Applies what a gateway says about a charge to its payment: the one path by which the browser's
/// return, the gateway's webhook and reconciliation all complete a payment. Whichever comes first
/// records the ledger entry and publishes <see cref="PaymentSucceeded"/> (or
/// <see cref="PaymentFailed"/>) through the outbox in the same transaction; the others find the
/// entry there (its gateway reference is unique per payment and kind) and change nothing. A capture
/// for an order that was cancelled meanwhile is recorded as a <see cref="LatePayment"/> in the same
/// transaction and resolved right after it commits (or by <see cref="LatePaymentSweep"/> after a
/// crash); one for an order that another payment already paid is given back.
/// With manual capture an authorisation publishes <see cref="PaymentAuthorized"/> with its entry, a
/// capture of all or part of it <see cref="PaymentSucceeded"/> (no mismatch to give back), and its
/// release <see cref="PaymentFailed"/>.
/// </summary>
internal sealed partial class PaymentCompletion(
    PaymentsDbContext db, ConcurrentWrites writes, Refunding refunds, LatePaymentResolver latePayments, TimeProvider time, ILogger<PaymentCompletion> logger)
{
    private LatePayment? _late;

    /// <summary>The source recorded on published events.</summary>
    public const string Source = PaymentsModule.Name;

    /// <summary>
    /// Applies <paramref name="charge"/> to payment <paramref name="paymentId"/>; with
    /// <paramref name="gatewayEvent"/>, records that webhook event as applied in the same
    /// transaction (a repeat of it changes nothing). Returns the payment as it stands, or null when
    /// there is no such payment.
    /// </summary>
    public async Task<Payment?> ApplyAsync(Guid paymentId, GatewayCharge charge, GatewayEvent? gatewayEvent, CancellationToken cancellationToken)
    {
        var refundReason = (string?)null;
        var payment = await writes.RetryAsync(db, async () =>
        {
            refundReason = null;
            _late = null;
            var payment = await db.Payments.Include(p => p.Transactions).FirstOrDefaultAsync(p => p.Id == paymentId, cancellationToken);
            if (payment is null)
            {
                return null;
            }

            if (gatewayEvent is not null)
            {
                if (await db.GatewayEvents.AnyAsync(e => e.Gateway == gatewayEvent.Gateway && e.EventId == gatewayEvent.EventId, cancellationToken))
                {
                    return payment;
                }

                db.GatewayEvents.Add(gatewayEvent);
            }

            refundReason = await RecordAsync(payment, charge, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return payment;
        }, cancellationToken);

        if (_late is { } late)
        {
            await latePayments.TryResolveAsync(late.Id, cancellationToken);
        }

        if (payment is not null && refundReason is not null)
        {
            LogRefundingCapture(payment.Id, payment.OrderId, refundReason);
            await refunds.RefundRemainderAsync(payment.Id, refundReason, sendNow: true, cancellationToken);
        }

        return payment;
    }

    /// <summary>Records the charge's state; answers why the capture must be given back, or null.</summary>
    private async Task<string?> RecordAsync(Payment payment, GatewayCharge charge, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        payment.CardBrand = charge.Brand ?? payment.CardBrand;
        payment.CardLast4 = charge.Last4 ?? payment.CardLast4;
        switch (charge.State)
        {
            case ChargeState.Succeeded:
                if (charge.Amount != payment.Amount || !string.Equals(charge.Currency, payment.Currency, StringComparison.OrdinalIgnoreCase))
                {
                    LogAmountMismatch(payment.Id, charge.ChargeId, charge.Amount, charge.Currency, payment.Amount, payment.Currency);
                }

                if (!payment.Record(TransactionKind.Captured, charge.Amount, charge.ChargeId, null, now))
                {
                    return null;
                }

                payment.GatewayPaymentId = charge.ChargeId;
                if (await db.CancelledOrders.AsNoTracking().FirstOrDefaultAsync(c => c.OrderId == payment.OrderId, cancellationToken) is { } cancelled)
                {
                    _late = await latePayments.RecordAsync(payment.Id, payment.OrderId, cancelled.Reason, cancellationToken);
                    return null;
                }

                if (await db.Payments.AnyAsync(p => p.OrderId == payment.OrderId && p.Id != payment.Id && p.Captured > 0, cancellationToken))
                {
                    return "The order was already paid by another payment";
                }

                if (charge.Amount != payment.Amount && !CapturesAuthorisation(payment, charge))
                {
                    return "The amount captured differs from the order's total";
                }

                db.AddIntegrationEvent(new PaymentSucceeded(payment.OrderId, charge.ChargeId, charge.Amount), Source);
                return null;
            case ChargeState.Authorized:
                if (payment.Record(TransactionKind.Authorized, charge.Amount, charge.ChargeId, null, now))
                {
                    payment.GatewayPaymentId = charge.ChargeId;
                    db.AddIntegrationEvent(new PaymentAuthorized(payment.OrderId, charge.ChargeId, charge.Amount), Source);
                }

                return null;
            case ChargeState.RequiresAction:
                payment.ActionUrl = charge.ActionUrl;
                payment.Record(TransactionKind.ActionRequired, 0, charge.ChargeId, null, now);
                payment.GatewayPaymentId = charge.ChargeId;
                return null;
            case ChargeState.Failed:
                if (payment.Record(TransactionKind.Failed, 0, charge.ChargeId, charge.FailureReason ?? "failed", now))
                {
                    payment.GatewayPaymentId = charge.ChargeId;
                    db.AddIntegrationEvent(new PaymentFailed(payment.OrderId, charge.ChargeId, charge.FailureReason ?? "failed"), Source);
                }

                return null;
            case ChargeState.Canceled:
                var released = payment.Status == PaymentStatus.Authorized;
                if (payment.Record(TransactionKind.Cancelled, 0, charge.ChargeId, charge.FailureReason ?? "canceled", now) && released)
                {
                    // The held money was released: the order is unpaid again (its payment window applies anew).
                    db.AddIntegrationEvent(new PaymentFailed(payment.OrderId, charge.ChargeId, charge.FailureReason ?? "canceled"), Source);
                }

                return null;
            case ChargeState.Pending:
            default:
                return null;
        }
    }

    /// <summary>
    /// Whether <paramref name="charge"/> captures (all or part of) an authorisation this payment
    /// recorded: the shop chose to take less than the order's total (it cannot ship everything),
    /// which is no mismatch to give back.
    /// </summary>
    private static bool CapturesAuthorisation(Payment payment, GatewayCharge charge)
        => payment.Transactions.Any(t => t.Kind == TransactionKind.Authorized && t.GatewayReference == charge.ChargeId && charge.Amount <= t.Amount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment {PaymentId} of order {OrderId} was captured but is given back: {Reason}")]
    private partial void LogRefundingCapture(Guid paymentId, Guid orderId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Payment {PaymentId}: charge {ChargeId} captured {Amount} {Currency}, the payment expected {Expected} {ExpectedCurrency}")]
    private partial void LogAmountMismatch(Guid paymentId, string chargeId, decimal amount, string currency, decimal expected, string expectedCurrency);
}
