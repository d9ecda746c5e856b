using Mercato.Messaging.Outbox;
using Mercato.Payments.Contracts;
using Mercato.Payments.Data;
using Mercato.Payments.Gateways;
using Mercato.Payments.Ledger;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Mercato.Payments.Refunds;

/// <summary>
/// Gives money back, as a state machine: a refund is first <see cref="RefundStatus.Requested"/>,
/// holding its amount in the same write that checks it against what is left (captured minus
/// refunded minus refunds in flight; the payment's version makes two such writes serialise), then
/// <see cref="RefundStatus.Sent"/> to the gateway with its idempotency key, then
/// <see cref="RefundStatus.Succeeded"/> (a ledger entry and <see cref="PaymentRefunded"/> through
/// the outbox, in one transaction) or <see cref="RefundStatus.Failed"/> (nothing else changes).
/// A refund left <see cref="RefundStatus.Requested"/> or <see cref="RefundStatus.Sent"/> by a
/// crash is sent again by reconciliation; the key keeps the gateway from paying twice.
/// </summary>
internal sealed partial class Refunding(
    PaymentsDbContext db, ConcurrentWrites writes, PaymentGateways gateways, TimeProvider time, ILogger<Refunding> logger)
{
    /// <summary>Who automatic refunds are recorded as requested by.</summary>
    public const string System = "system";

    /// <summary>
    /// Asks for a refund of <paramref name="amount"/> (everything left when null). A repeated
    /// <paramref name="idempotencyKey"/> answers the first refund. Errors: 404 no such payment,
    /// 409 nothing captured or more than is left.
    /// </summary>
    public async Task<(Refund? Refund, ApiErrorResult? Error)> RequestAsync(
        Guid paymentId, decimal? amount, string reason, string requestedBy, string idempotencyKey, CancellationToken cancellationToken)
    {
        var (refund, error) = await ReserveAsync(paymentId, amount, reason, requestedBy, idempotencyKey, cancellationToken);
        return refund is null ? (null, error) : (await SendAsync(refund.Id, cancellationToken), null);
    }

    /// <summary>
    /// Records a refund as requested, holding its amount, without sending it: for callers inside a
    /// transaction of their own (an event handler), which must not wait on a gateway. The
    /// <see cref="RefundDispatcher"/> sends it once the caller's transaction has committed.
    /// </summary>
    private async Task<(Refund? Refund, ApiErrorResult? Error)> ReserveAsync(
        Guid paymentId, decimal? amount, string reason, string requestedBy, string idempotencyKey, CancellationToken cancellationToken)
        => await writes.RetryAsync(db, async () =>
        {
            var payment = await db.Payments.Include(p => p.Refunds).FirstOrDefaultAsync(p => p.Id == paymentId, cancellationToken);
            if (payment is null)
            {
                return ((Refund?)null, (ApiErrorResult?)ApiResults.NotFound("Payment not found"));
            }

            if (payment.Refunds.FirstOrDefault(r => r.IdempotencyKey == idempotencyKey) is { } repeat)
            {
                return (repeat, null);
            }

            if (payment.Captured <= 0 || payment.GatewayPaymentId is null)
            {
                return (null, ApiResults.Conflict(PaymentErrors.NotCaptured, "Nothing was captured on this payment, so nothing can be refunded"));
            }

            var available = payment.Captured - payment.Refunded - payment.Refunds.Where(r => r.IsOpen).Sum(r => r.Amount);
            var value = amount ?? available;
            if (value <= 0 || value > available)
            {
                return (null, ApiResults.Conflict(
                    PaymentErrors.RefundExceedsCaptured,
                    $"At most {available:0.00} {payment.Currency} can be refunded now (captured {payment.Captured:0.00}, refunded {payment.Refunded:0.00}, the rest in refunds under way)",
                    amount is null ? null : "amount"));
            }

            var now = time.GetUtcNow().UtcDateTime;
            var created = new Refund
            {
                Id = Guid.CreateVersion7(),
                PaymentId = payment.Id,
                Amount = value,
                Reason = reason,
                RequestedBy = requestedBy,
                Status = RefundStatus.Requested,
                IdempotencyKey = idempotencyKey,
                CreatedAt = now,
                UpdatedAt = now,
            };
            payment.Refunds.Add(created);
            payment.UpdatedAt = now;
            payment.Version++;
            await db.SaveChangesAsync(cancellationToken);
            return (created, null);
        }, cancellationToken);

    /// <summary>
    /// Gives back everything still held on a payment (an order cancelled, a duplicate payment);
    /// does nothing when nothing is. With <paramref name="sendNow"/> false (inside an event
    /// handler's transaction) the refund is only recorded, and the dispatcher sends it.
    /// </summary>
    public async Task RefundRemainderAsync(Guid paymentId, string reason, bool sendNow, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId, cancellationToken);
        if (payment is null || payment.Captured - payment.Refunded <= 0)
        {
            return;
        }

        // One automatic refund per captured amount: a redelivered event or a second trigger finds it.
        var key = $"auto-{payment.Id:N}-{payment.Captured:0.00}";
        var (refund, error) = await ReserveAsync(paymentId, null, reason[..Math.Min(reason.Length, 500)], System, key, cancellationToken);
        if (error is not null)
        {
            LogAutomaticRefundNotNeeded(paymentId, error.Message);
        }
        else if (sendNow)
        {
            await SendAsync(refund!.Id, cancellationToken);
        }
    }

    /// <summary>
    /// Sends a requested (or interrupted) refund to the gateway and records its answer. A refund
    /// already decided is answered as it stands.
    /// </summary>
    public async Task<Refund> SendAsync(Guid refundId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var refund = await db.Refunds.FirstAsync(r => r.Id == refundId, cancellationToken);
        if (!refund.IsOpen)
        {
            return refund;
        }

        var payment = await db.Payments.AsNoTracking().FirstAsync(p => p.Id == refund.PaymentId, cancellationToken);
        refund.Status = RefundStatus.Sent;
        refund.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);

        GatewayRefund answer;
        try
        {
            answer = await gateways.Get(payment.Gateway)
                .RefundAsync(payment.GatewayPaymentId!, refund.Amount, payment.Currency, refund.IdempotencyKey, cancellationToken);
        }
        catch (GatewayRefusedException ex)
        {
            answer = new GatewayRefund(string.Empty, false, ex.Code);
        }
        catch (Exception ex) when (ex is HttpRequestException or DependencyUnavailableException or TimeoutException)
        {
            // No answer: the refund stays sent and reconciliation asks again with the same key.
            LogNoAnswer(refund.Id, ex.Message);
            return refund;
        }

        return await writes.RetryAsync(db, async () =>
        {
            var current = await db.Payments.AsSplitQuery().Include(p => p.Transactions).Include(p => p.Refunds).FirstAsync(p => p.Id == refund.PaymentId, cancellationToken);
            var decided = current.Refunds.First(r => r.Id == refundId);
            if (!decided.IsOpen)
            {
                return decided;
            }

            var now = time.GetUtcNow().UtcDateTime;
            decided.UpdatedAt = now;
            decided.GatewayRefundId = answer.RefundId.Length > 0 ? answer.RefundId : null;
            if (answer.Succeeded)
            {
                decided.Status = RefundStatus.Succeeded;
                current.Record(TransactionKind.Refunded, decided.Amount, answer.RefundId, decided.Reason, now);
                // The refund's id is the event's: a second writer that raced this one to the same
                // outcome collides on the outbox key and re-reads, so one refund is announced once.
                db.AddIntegrationEvent(
                    new PaymentRefunded(current.OrderId, current.GatewayPaymentId!, decided.Amount)
                    {
                        Id = decided.Id,
                        RefundedTotal = current.Refunded,
                        FullyRefunded = current.Refunded >= current.Captured,
                    },
                    PaymentsModule.Name);
            }
            else
            {
                decided.Status = RefundStatus.Failed;
                decided.FailureReason = answer.FailureReason ?? "refused";
                current.UpdatedAt = now;
                current.Version++;
                LogRefused(decided.Id, current.Id, decided.FailureReason);
            }

            await db.SaveChangesAsync(cancellationToken);
            return decided;
        }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No automatic refund for payment {PaymentId}: {Reason}")]
    private partial void LogAutomaticRefundNotNeeded(Guid paymentId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refund {RefundId} got no answer from its gateway ({Reason}); it will be sent again")]
    private partial void LogNoAnswer(Guid refundId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refund {RefundId} of payment {PaymentId} was refused by the gateway: {Reason}")]
    private partial void LogRefused(Guid refundId, Guid paymentId, string reason);
}
