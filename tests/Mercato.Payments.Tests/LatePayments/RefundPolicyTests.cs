using System.Net;
using Mercato.Payments.Data;
using Mercato.Payments.LatePayments;
using Mercato.Payments.Ledger;
using Mercato.Payments.Refunds;
using Mercato.Payments.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Payments.Tests.LatePayments;

/// <summary>
/// <c>Payments:LatePayment = refund</c>: a payment captured after its order expired is given back,
/// and the record written with the capture is resolved once even when the first attempt never ran.
/// </summary>
public abstract class RefundPolicyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LatePaymentFactory
{
    private readonly HttpClient _client = factory.CreateClient();
    private readonly HttpClient _browser = factory.Browser();

    [Fact]
    public async Task A_payment_arriving_after_its_order_expired_is_refunded_and_published_and_the_order_stays_cancelled()
    {
        var captured = await _client.CapturedOrderAsync(_browser, stock: 10, quantity: 2);
        await factory.ExpireAsync(_client, captured, stock: 10);

        await _browser.ReturnAsync(captured);

        var payment = await _client.PaymentAsync(captured.PaymentId, captured.Order.Admin);
        Assert.Equal(("refunded", captured.Order.Total, captured.Order.Total), (payment.GetProperty("status").GetString(), payment.GetProperty("captured").GetDecimal(), payment.GetProperty("refunded").GetDecimal()));
        Assert.Single(await factory.EventsAsync("payments.payment-refunded.v1", captured.Order.Id));
        Assert.Empty(await factory.EventsAsync("payments.payment-succeeded.v1", captured.Order.Id));
        var record = await factory.WithDbAsync(db => db.LatePayments.AsNoTracking().SingleAsync(l => l.PaymentId == captured.PaymentId));
        Assert.Equal((LatePaymentStatus.Refunded, 1), (record.Status, record.Attempts));
        Assert.Equal(captured.Order.Total, await factory.WithDbAsync(db => db.SandboxCharges.Where(c => c.Reference == captured.PaymentId).Select(c => c.Refunded).SingleAsync()));

        Assert.Equal("cancelled", await _client.OrderStatusAsync(captured.Order));
        var (kinds, onHand) = await _client.LedgerAsync(captured);
        Assert.Equal(["release", "reserve"], kinds);
        Assert.Equal((10, 10), (onHand, await _client.AvailableAsync(captured.ProductId)));
    }

    [Fact]
    public async Task A_late_payment_left_pending_by_a_crash_is_resolved_once_by_the_sweep()
    {
        var captured = await _client.CapturedOrderAsync(_browser, stock: 10, quantity: 1);
        await factory.ExpireAsync(_client, captured, stock: 10);

        // What the capture's transaction writes before a crash stops the first attempt: the capture and the record.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
            var charge = await db.SandboxCharges.AsNoTracking().SingleAsync(c => c.Reference == captured.PaymentId);
            var stored = await db.Payments.Include(p => p.Transactions).SingleAsync(p => p.Id == captured.PaymentId);
            Assert.True(stored.Record(TransactionKind.Captured, charge.Amount, charge.Id, null, factory.Clock.GetUtcNow().UtcDateTime));
            stored.GatewayPaymentId = charge.Id;
            await scope.ServiceProvider.GetRequiredService<LatePaymentResolver>().RecordAsync(stored.Id, stored.OrderId, "Payment not received in time", CancellationToken.None);
            await db.SaveChangesAsync();
        }

        Assert.Equal(0m, (await _client.PaymentAsync(captured.PaymentId, captured.Order.Admin)).GetProperty("refunded").GetDecimal());

        // Two sweeps at once (two replicas), then another: the money goes back once.
        var sweep = factory.Services.GetRequiredService<LatePaymentSweep>();
        await Task.WhenAll(sweep.ResolveDueAsync(CancellationToken.None), sweep.ResolveDueAsync(CancellationToken.None));
        await sweep.ResolveDueAsync(CancellationToken.None);

        var payment = await _client.PaymentAsync(captured.PaymentId, captured.Order.Admin);
        Assert.Equal(("refunded", captured.Order.Total), (payment.GetProperty("status").GetString(), payment.GetProperty("refunded").GetDecimal()));
        var refunds = await factory.WithDbAsync(db => db.Refunds.AsNoTracking().Where(r => r.PaymentId == captured.PaymentId).ToListAsync());
        Assert.Equal((RefundStatus.Succeeded, Refunding.System), (Assert.Single(refunds).Status, refunds[0].RequestedBy));
        Assert.Single(await factory.EventsAsync("payments.payment-refunded.v1", captured.Order.Id));
        Assert.Equal(captured.Order.Total, await factory.WithDbAsync(db => db.SandboxCharges.Where(c => c.Reference == captured.PaymentId).Select(c => c.Refunded).SingleAsync()));
        var record = await factory.WithDbAsync(db => db.LatePayments.AsNoTracking().SingleAsync(l => l.PaymentId == captured.PaymentId));
        Assert.Equal((LatePaymentStatus.Refunded, 1), (record.Status, record.Attempts));

        // The browser comes back late: the capture is already recorded, nothing changes.
        await _browser.ReturnAsync(captured);
        Assert.Single(await factory.EventsAsync("payments.payment-refunded.v1", captured.Order.Id));
        Assert.Single(await factory.WithDbAsync(db => db.Refunds.AsNoTracking().Where(r => r.PaymentId == captured.PaymentId).ToListAsync()));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteRefundPolicyTests(SqliteRefundLatePaymentFactory factory) : RefundPolicyTests<SqliteRefundLatePaymentFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresRefundPolicyTests(PostgresRefundLatePaymentFactory factory) : RefundPolicyTests<PostgresRefundLatePaymentFactory>(factory);
