using System.Net;
using Mercato.Payments.LatePayments;
using Mercato.Payments.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Payments.Tests.LatePayments;

/// <summary>
/// <c>Payments:LatePayment = revive</c>: a payment captured after its order expired revives the
/// order when its stock can still be held, and pays it; otherwise (stock sold meanwhile, or the
/// shopper cancelled the order) the money is given back.
/// </summary>
public abstract class RevivePolicyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LatePaymentFactory
{
    private readonly HttpClient _client = factory.CreateClient();
    private readonly HttpClient _browser = factory.Browser();

    [Fact]
    public async Task A_payment_arriving_after_its_order_expired_revives_the_order_which_is_paid_and_its_stock_sold()
    {
        var captured = await _client.CapturedOrderAsync(_browser, stock: 10, quantity: 2);
        await factory.ExpireAsync(_client, captured, stock: 10);

        await _browser.ReturnAsync(captured);

        await Shoppers.EventuallyAsync(async () => await _client.OrderStatusAsync(captured.Order) == "paid", "the revived order to be paid");
        var order = await _client.OrderAsync(captured.Order);
        var history = order.GetProperty("statusHistory").EnumerateArray().Select(h => (h.GetProperty("status").GetString(), h.GetProperty("note").GetString())).ToList();
        Assert.Equal(("cancelled", "Payment not received in time"), history[^3]);
        Assert.Equal(("pending", "Revived: payment arrived after the order expired"), history[^2]);
        Assert.Equal("paid", history[^1].Item1);

        var payment = await _client.PaymentAsync(captured.PaymentId, captured.Order.Admin);
        Assert.Equal(("succeeded", captured.Order.Total, 0m), (payment.GetProperty("status").GetString(), payment.GetProperty("captured").GetDecimal(), payment.GetProperty("refunded").GetDecimal()));
        Assert.Single(await factory.EventsAsync("payments.payment-succeeded.v1", captured.Order.Id));
        Assert.Empty(await factory.EventsAsync("payments.payment-refunded.v1", captured.Order.Id));
        Assert.False(await factory.WithDbAsync(db => db.Refunds.AnyAsync(r => r.PaymentId == captured.PaymentId)));
        Assert.False(await factory.WithDbAsync(db => db.CancelledOrders.AnyAsync(c => c.OrderId == captured.Order.Id)));
        var record = await factory.WithDbAsync(db => db.LatePayments.AsNoTracking().SingleAsync(l => l.PaymentId == captured.PaymentId));
        Assert.Equal((LatePaymentStatus.Revived, 1), (record.Status, record.Attempts));

        await Shoppers.EventuallyAsync(async () => (await _client.LedgerAsync(captured)).Kinds.Contains("commit"), "the Catalog to sell the stock");
        var (kinds, onHand) = await _client.LedgerAsync(captured);
        Assert.Equal(["commit", "release", "reserve", "reserve"], kinds);
        Assert.Equal((8, 8), (onHand, await _client.AvailableAsync(captured.ProductId)));

        // Another sweep finds nothing left to do.
        await factory.Services.GetRequiredService<LatePaymentSweep>().ResolveDueAsync(CancellationToken.None);
        Assert.Single(await factory.EventsAsync("payments.payment-succeeded.v1", captured.Order.Id));
    }

    [Fact]
    public async Task A_payment_arriving_after_its_order_expired_is_refunded_when_its_stock_was_sold_meanwhile()
    {
        var captured = await _client.CapturedOrderAsync(_browser, stock: 2, quantity: 2);
        await factory.ExpireAsync(_client, captured, stock: 2);
        var other = await _client.CustomerOrderOfAsync(captured.ProductId, 1, captured.Order.Admin);

        await _browser.ReturnAsync(captured);

        var payment = await _client.PaymentAsync(captured.PaymentId, captured.Order.Admin);
        Assert.Equal(("refunded", captured.Order.Total), (payment.GetProperty("status").GetString(), payment.GetProperty("refunded").GetDecimal()));
        Assert.Single(await factory.EventsAsync("payments.payment-refunded.v1", captured.Order.Id));
        Assert.Empty(await factory.EventsAsync("payments.payment-succeeded.v1", captured.Order.Id));
        var record = await factory.WithDbAsync(db => db.LatePayments.AsNoTracking().SingleAsync(l => l.PaymentId == captured.PaymentId));
        Assert.Equal(LatePaymentStatus.Refunded, record.Status);
        Assert.Contains("INSUFFICIENT_STOCK", record.Outcome, StringComparison.Ordinal);

        Assert.Equal("cancelled", await _client.OrderStatusAsync(captured.Order));
        Assert.Equal("pending", await _client.OrderStatusAsync(other));
        Assert.Equal(["release", "reserve"], (await _client.LedgerAsync(captured)).Kinds);
        Assert.Equal(1, await _client.AvailableAsync(captured.ProductId));
    }

    [Fact]
    public async Task A_payment_arriving_after_the_shopper_cancelled_the_order_is_refunded_the_decision_stands()
    {
        var captured = await _client.CapturedOrderAsync(_browser, stock: 10, quantity: 2);
        using var cancelled = await _client.CallAsync(HttpMethod.Post, $"/api/v1/orders/{captured.Order.Id}/cancel", captured.Order.Token, new { reason = "Changed my mind" });
        await cancelled.ExpectAsync(HttpStatusCode.OK);
        await factory.LearntOfCancellationAsync(_client, captured, stock: 10);

        await _browser.ReturnAsync(captured);

        var payment = await _client.PaymentAsync(captured.PaymentId, captured.Order.Admin);
        Assert.Equal(("refunded", captured.Order.Total), (payment.GetProperty("status").GetString(), payment.GetProperty("refunded").GetDecimal()));
        Assert.Single(await factory.EventsAsync("payments.payment-refunded.v1", captured.Order.Id));
        Assert.Empty(await factory.EventsAsync("payments.payment-succeeded.v1", captured.Order.Id));
        var record = await factory.WithDbAsync(db => db.LatePayments.AsNoTracking().SingleAsync(l => l.PaymentId == captured.PaymentId));
        Assert.Equal(LatePaymentStatus.Refunded, record.Status);
        Assert.Contains("ORDER_NOT_EXPIRED", record.Outcome, StringComparison.Ordinal);
        Assert.Equal("cancelled", await _client.OrderStatusAsync(captured.Order));
        Assert.Equal(["release", "reserve"], (await _client.LedgerAsync(captured)).Kinds);
        Assert.Equal(10, await _client.AvailableAsync(captured.ProductId));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteRevivePolicyTests(SqliteReviveLatePaymentFactory factory) : RevivePolicyTests<SqliteReviveLatePaymentFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresRevivePolicyTests(PostgresReviveLatePaymentFactory factory) : RevivePolicyTests<PostgresReviveLatePaymentFactory>(factory);
