using Mercato.Messaging.Outbox;
using Mercato.Ordering.Contracts;
using Mercato.Payments.Contracts;
using Mercato.Payments.Data;
using Mercato.Payments.Refunds;
using Mercato.Platform.Errors;
using Mercato.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Payments.LatePayments;

/// <summary>
/// Records and resolves <see cref="LatePayment"/>s, the one path by which money captured for a
/// cancelled order is given back or put to use. <see cref="Record"/> adds the record to the
/// caller's unit of work (its transaction finds the late capture); <see cref="ResolveAsync"/>
/// resolves it under <c>Payments:LatePayment</c>, right after the caller commits and, for anything
/// left pending (a crash, Ordering unreachable), from <see cref="LatePaymentSweep"/>:
/// <list type="bullet">
/// <item><c>refund</c>: the remainder is refunded (<see cref="Refunding.RefundRemainderAsync"/>: recorded, sent, <see cref="PaymentRefunded"/> published).</item>
/// <item><c>revive</c>: Ordering is asked to revive the order (outside any transaction). Revived: in one
/// transaction the record is marked revived, the cancelled-order row removed and <see cref="PaymentSucceeded"/>
/// added to the outbox, so Ordering marks the order paid and the Catalog sells the stock. Refused
/// (cancelled by its shopper or the shop, stock sold meanwhile, coupon no longer usable, no such
/// order): refunded. Not ready or Ordering unreachable: tried again later.</item>
/// </list>
/// Every step is idempotent (the automatic refund has one key per capture, Ordering's revival
/// answers revived again), and the record's version lets one writer resolve it, so a record
/// resolved twice in parallel, or again after a crash, gives back or applies the money once.
/// </summary>
internal sealed partial class LatePaymentResolver(
    PaymentsDbContext db,
    ConcurrentWrites writes,
    Refunding refunds,
    IOrderingClient orders,
    IOptions<PaymentsOptions> options,
    TimeProvider time,
    ILogger<LatePaymentResolver> logger)
{
    private static readonly TimeSpan MaxPause = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Adds, to the caller's unit of work, the record of <paramref name="paymentId"/>'s capture for
    /// cancelled order <paramref name="orderId"/>; a payment already recorded keeps its record (one
    /// revived before and cancelled again becomes pending again). Returns the record.
    /// </summary>
    public async Task<LatePayment> RecordAsync(Guid paymentId, Guid orderId, string cancellationReason, CancellationToken cancellationToken)
    {
        var reason = cancellationReason.Length > 400 ? cancellationReason[..400] : cancellationReason;
        var now = time.GetUtcNow().UtcDateTime;
        var existing = await db.LatePayments.FirstOrDefaultAsync(l => l.PaymentId == paymentId, cancellationToken);
        if (existing is not null)
        {
            if (existing.Status == LatePaymentStatus.Revived)
            {
                // Revived, then cancelled again before the payment was applied: resolve it anew.
                existing.Status = LatePaymentStatus.Pending;
                existing.CancellationReason = reason;
                existing.DueAt = now;
                existing.ResolvedAt = null;
                existing.Version++;
            }

            return existing;
        }

        var record = new LatePayment
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            PaymentId = paymentId,
            OrderId = orderId,
            CancellationReason = reason,
            Status = LatePaymentStatus.Pending,
            DueAt = now,
            CreatedAt = now,
        };
        db.LatePayments.Add(record);
        return record;
    }

    /// <summary>Resolves late payment <paramref name="id"/> if it is still pending; one that must wait is put off (backing off).</summary>
    public async Task ResolveAsync(Guid id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var record = await db.LatePayments.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (record is not { Status: LatePaymentStatus.Pending })
        {
            return;
        }

        var why = "the policy is to refund";
        if (options.Value.LatePayment == LatePaymentPolicy.Revive)
        {
            OrderRevival? revival;
            try
            {
                revival = await orders.ReviveAsync(record.OrderId, cancellationToken);
            }
            catch (DependencyUnavailableException ex)
            {
                await PutOffAsync(record, $"Ordering unavailable: {ex.Message}", cancellationToken);
                return;
            }

            if (revival is { Revived: true })
            {
                await ApplyToRevivedOrderAsync(record, cancellationToken);
                return;
            }

            if (revival is { MayRetry: true })
            {
                await PutOffAsync(record, revival.Message, cancellationToken);
                return;
            }

            why = revival is null ? "no such order" : $"{revival.Refusal}: {revival.Message}";
        }

        LogRefunding(record.PaymentId, record.OrderId, why);
        await refunds.RefundRemainderAsync(
            record.PaymentId, $"Order cancelled before its payment arrived: {record.CancellationReason}", sendNow: true, cancellationToken);
        await FinishAsync(record.Id, LatePaymentStatus.Refunded, $"Refunded ({why})", cancellationToken);
    }

    /// <summary>
    /// <see cref="ResolveAsync"/>, but a failure (a bug, a database hiccup) is logged and the record
    /// put off instead of thrown: it stays pending and the sweep tries it again, and the caller
    /// (a webhook, the browser's return, the sweep's next record) goes on.
    /// </summary>
    public async Task TryResolveAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await ResolveAsync(id, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(id, ex);
            db.ChangeTracker.Clear();
            var record = await db.LatePayments.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
            if (record is not null)
            {
                await PutOffAsync(record, $"Failed: {ex.GetType().Name}", cancellationToken);
            }
        }
    }

    /// <summary>Ordering revived the order: the payment now pays it, in one transaction with the record's resolution.</summary>
    private Task<bool> ApplyToRevivedOrderAsync(LatePayment record, CancellationToken cancellationToken)
        => writes.RetryAsync(db, async () =>
        {
            db.ChangeTracker.Clear();
            var current = await db.LatePayments.FirstAsync(l => l.Id == record.Id, cancellationToken);
            if (current.Status != LatePaymentStatus.Pending)
            {
                return false;
            }

            var payment = await db.Payments.AsNoTracking().FirstAsync(p => p.Id == record.PaymentId, cancellationToken);
            Resolve(current, LatePaymentStatus.Revived, "Order revived; the payment pays it");
            if (await db.CancelledOrders.FirstOrDefaultAsync(c => c.OrderId == record.OrderId, cancellationToken) is { } cancelled)
            {
                db.CancelledOrders.Remove(cancelled);
            }

            db.AddIntegrationEvent(new PaymentSucceeded(payment.OrderId, payment.GatewayPaymentId!, payment.Captured), PaymentsModule.Name);
            await db.SaveChangesAsync(cancellationToken);
            LogRevived(record.PaymentId, record.OrderId);
            return true;
        }, cancellationToken);

    private Task<bool> FinishAsync(Guid id, LatePaymentStatus status, string outcome, CancellationToken cancellationToken)
        => writes.RetryAsync(db, async () =>
        {
            db.ChangeTracker.Clear();
            var current = await db.LatePayments.FirstAsync(l => l.Id == id, cancellationToken);
            if (current.Status != LatePaymentStatus.Pending)
            {
                return false;
            }

            Resolve(current, status, outcome);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);

    private Task<bool> PutOffAsync(LatePayment record, string why, CancellationToken cancellationToken)
        => writes.RetryAsync(db, async () =>
        {
            db.ChangeTracker.Clear();
            var current = await db.LatePayments.FirstAsync(l => l.Id == record.Id, cancellationToken);
            if (current.Status != LatePaymentStatus.Pending)
            {
                return false;
            }

            current.Attempts++;
            var pause = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, current.Attempts), MaxPause.TotalSeconds));
            current.DueAt = time.GetUtcNow().UtcDateTime + pause;
            current.Outcome = why.Length > 500 ? why[..500] : why;
            current.Version++;
            await db.SaveChangesAsync(cancellationToken);
            LogPutOff(record.PaymentId, record.OrderId, why, pause);
            return true;
        }, cancellationToken);

    private void Resolve(LatePayment record, LatePaymentStatus status, string outcome)
    {
        record.Status = status;
        record.Outcome = outcome.Length > 500 ? outcome[..500] : outcome;
        record.Attempts++;
        record.ResolvedAt = time.GetUtcNow().UtcDateTime;
        record.Version++;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment {PaymentId} was captured after order {OrderId} was cancelled; it is given back ({Why})")]
    private partial void LogRefunding(Guid paymentId, Guid orderId, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment {PaymentId} was captured after order {OrderId} expired; the order was revived and the payment pays it")]
    private partial void LogRevived(Guid paymentId, Guid orderId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Late payment {Id} could not be resolved; it is tried again later")]
    private partial void LogFailed(Guid id, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Late payment {PaymentId} of order {OrderId} waits ({Why}); tried again in {Pause}")]
    private partial void LogPutOff(Guid paymentId, Guid orderId, string why, TimeSpan pause);
}
