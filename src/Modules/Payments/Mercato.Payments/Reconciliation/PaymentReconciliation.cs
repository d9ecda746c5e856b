using Mercato.Payments.Capture;
using Mercato.Payments.Completion;
using Mercato.Payments.Data;
using Mercato.Payments.Gateways;
using Mercato.Payments.Ledger;
using Mercato.Payments.Refunds;
using Mercato.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Payments.Reconciliation;

/// <summary>
/// Compares every enabled gateway's record of recent charges with Mercato's ledger and heals what
/// Mercato missed: a capture the gateway made but Mercato never recorded (the process died between
/// the gateway's answer and the commit, and no webhook came), a checkout session that expired
/// unpaid, and refunds left requested or sent by a crash (sent again with their own key, which the
/// gateway honours once), and money still held (manual capture) for an order cancelled meanwhile,
/// which is released.
/// </summary>
internal sealed partial class PaymentReconciliation(
    IServiceScopeFactory scopes, IOptions<PaymentsOptions> options, TimeProvider time, ILogger<PaymentReconciliation> logger)
    : PeriodicJob(time, logger)
{
    private static readonly TimeSpan RefundGrace = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.ReconciliationInterval;

    /// <inheritdoc />
    protected override string Name => "Payment reconciliation";

    /// <summary>One round, also for tests and operators: answers how many payments and refunds it healed.</summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PaymentsDbContext>();
        var completion = services.GetRequiredService<PaymentCompletion>();
        var now = Time.GetUtcNow().UtcDateTime;
        var healed = 0;

        foreach (var gateway in services.GetRequiredService<PaymentGateways>().All)
        {
            await foreach (var charge in gateway.ListChargesAsync(now - options.Value.ReconciliationWindow, cancellationToken))
            {
                if (charge.Reference is not { } paymentId || KindOf(charge.State) is not { } kind)
                {
                    continue;
                }

                var known = await db.Transactions.AnyAsync(t => t.PaymentId == paymentId && t.Kind == kind && t.GatewayReference == charge.ChargeId, cancellationToken);
                if (!known && await db.Payments.AnyAsync(p => p.Id == paymentId && p.Gateway == gateway.Name, cancellationToken))
                {
                    LogHealed(gateway.Name, charge.ChargeId, paymentId, charge.State);
                    await completion.ApplyAsync(paymentId, charge, null, cancellationToken);
                    healed++;
                }
            }
        }

        healed += await ExpireSessionsAsync(db, completion, services.GetRequiredService<PaymentGateways>(), now, cancellationToken);
        healed += await ReleaseCancelledOrdersAsync(db, services.GetRequiredService<Capturing>(), cancellationToken);

        var stuck = await db.Refunds.AsNoTracking()
            .Where(r => (r.Status == RefundStatus.Requested || r.Status == RefundStatus.Sent) && r.UpdatedAt < now - RefundGrace)
            .Select(r => r.Id).ToListAsync(cancellationToken);
        var refunding = services.GetRequiredService<Refunding>();
        foreach (var refundId in stuck)
        {
            LogResending(refundId);
            await refunding.SendAsync(refundId, cancellationToken);
            healed++;
        }

        return healed;
    }

    /// <inheritdoc />
    protected override async Task RunOnceAsync(CancellationToken cancellationToken) => await ReconcileAsync(cancellationToken);

    /// <summary>The ledger entry a charge's final (or held) state records; null for states reconciliation leaves to the shopper.</summary>
    private static TransactionKind? KindOf(ChargeState state) => state switch
    {
        ChargeState.Succeeded => TransactionKind.Captured,
        ChargeState.Failed => TransactionKind.Failed,
        ChargeState.Authorized => TransactionKind.Authorized,
        ChargeState.Canceled => TransactionKind.Cancelled,
        _ => null,
    };

    /// <summary>Releases the money held (manual capture) for orders cancelled meanwhile: it can never be captured.</summary>
    private async Task<int> ReleaseCancelledOrdersAsync(PaymentsDbContext db, Capturing capturing, CancellationToken cancellationToken)
    {
        var held = await db.Payments.AsNoTracking()
            .Where(p => p.Status == PaymentStatus.Authorized && db.CancelledOrders.Any(c => c.OrderId == p.OrderId))
            .Select(p => p.Id).Take(200).ToListAsync(cancellationToken);
        foreach (var paymentId in held)
        {
            LogReleasing(paymentId);
            await capturing.VoidAsync(paymentId, cancellationToken);
        }

        return held.Count;
    }

    private static async Task<int> ExpireSessionsAsync(
        PaymentsDbContext db, PaymentCompletion completion, PaymentGateways gateways, DateTime now, CancellationToken cancellationToken)
    {
        var expired = await db.CheckoutSessions.AsNoTracking()
            .Where(s => s.ExpiresAt <= now)
            .Join(db.Payments.Where(p => p.Status == PaymentStatus.Pending), s => s.PaymentId, p => p.Id, (s, p) => new { s.GatewaySessionId, p.Id, p.Gateway })
            .Take(200).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var session in expired)
        {
            if (gateways.Find(session.Gateway) is { } gateway && await gateway.GetSessionChargeAsync(session.GatewaySessionId, cancellationToken) is { } charge)
            {
                await completion.ApplyAsync(session.Id, charge, null, cancellationToken);
                count++;
            }
        }

        return count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciliation: {Gateway} charge {ChargeId} ({State}) of payment {PaymentId} was missing from the ledger; recorded now")]
    private partial void LogHealed(string gateway, string chargeId, Guid paymentId, ChargeState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciliation: payment {PaymentId} holds money for a cancelled order; releasing it")]
    private partial void LogReleasing(Guid paymentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciliation: refund {RefundId} was left unfinished; sending it again")]
    private partial void LogResending(Guid refundId);
}
