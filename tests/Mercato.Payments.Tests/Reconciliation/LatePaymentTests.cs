using System.Net;
using Mercato.Payments.Reconciliation;
using Mercato.Payments.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Payments.Tests.Reconciliation;

/// <summary>Money never lost: payments for cancelled orders come back, and captures Mercato missed are healed, on one provider.</summary>
public abstract class LatePaymentTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PaymentsFactory
{
    private readonly HttpClient _client = factory.CreateClient();
    private readonly HttpClient _browser = factory.Browser();

    [Fact]
    public async Task A_payment_for_an_order_cancelled_meanwhile_is_refunded_automatically_and_published()
    {
        var order = await _client.CustomerOrderAsync();
        var session = await _client.SessionAsync(order);
        var paymentId = session.GetProperty("paymentId").GetGuid();
        using var cancelled = await _client.CallAsync(HttpMethod.Post, $"/api/v1/orders/{order.Id}/cancel", order.Token, new { reason = "Changed my mind" });
        await cancelled.ExpectAsync(HttpStatusCode.OK);
        await Shoppers.EventuallyAsync(() => factory.WithDbAsync(db => db.CancelledOrders.AnyAsync(c => c.OrderId == order.Id)), "Payments to learn of the cancellation");

        // The shopper still had the page open and pays.
        using var paid = await _browser.PayOnPageAsync(session.GetProperty("checkoutUrl").GetString()!, "4242424242424242");
        using var back = await _browser.FollowAsync(paid);

        var payment = await _client.PaymentAsync(paymentId, order.Admin);
        Assert.Equal(("refunded", order.Total, order.Total), (payment.GetProperty("status").GetString(), payment.GetProperty("captured").GetDecimal(), payment.GetProperty("refunded").GetDecimal()));
        Assert.Equal("system", await factory.WithDbAsync(db => db.Refunds.Where(r => r.PaymentId == paymentId).Select(r => r.RequestedBy).SingleAsync()));
        Assert.Empty(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
        Assert.Single(await factory.EventsAsync("payments.payment-refunded.v1", order.Id));
        Assert.Equal(order.Total, await factory.WithDbAsync(db => db.SandboxCharges.Where(c => c.Reference == paymentId).Select(c => c.Refunded).SingleAsync()));
    }

    [Fact]
    public async Task Cancelling_a_paid_order_refunds_its_payment_and_the_order_ends_refunded()
    {
        var (order, paymentId) = await _client.PaidOrderAsync(_browser);
        await Shoppers.EventuallyAsync(async () => await _client.OrderStatusAsync(order) == "paid", "the order to be paid");

        using var cancelled = await _client.CallAsync(HttpMethod.Post, $"/api/v1/orders/{order.Id}/cancel", order.Admin, new { reason = "Out of stock at the warehouse" });
        await cancelled.ExpectAsync(HttpStatusCode.OK);

        // The refund is recorded with the event and sent by the dispatcher's next round (every second).
        for (var second = 0; second < 20 && (await _client.PaymentAsync(paymentId, order.Admin)).GetProperty("status").GetString() != "refunded"; second++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(200);
        }

        Assert.Equal("refunded", (await _client.PaymentAsync(paymentId, order.Admin)).GetProperty("status").GetString());
        await Shoppers.EventuallyAsync(async () => await _client.OrderStatusAsync(order) == "refunded", "the order to be refunded");
    }

    [Fact]
    public async Task Reconciliation_records_a_capture_the_gateway_made_but_Mercato_never_committed()
    {
        var order = await _client.CustomerOrderAsync();
        var session = await _client.SessionAsync(order);
        var paymentId = session.GetProperty("paymentId").GetGuid();

        // The gateway captures; then the browser never returns and no webhook comes (the clock does not
        // reach its delay): what Mercato sees after a crash between the gateway's answer and its commit.
        using var paid = await _browser.PayOnPageAsync(session.GetProperty("checkoutUrl").GetString()!, "4242424242424242");
        Assert.Equal(HttpStatusCode.SeeOther, paid.StatusCode);
        Assert.Equal("pending", (await _client.PaymentAsync(paymentId, order.Token)).GetProperty("status").GetString());

        var healed = await factory.Services.GetRequiredService<PaymentReconciliation>().ReconcileAsync(CancellationToken.None);

        Assert.True(healed >= 1);
        Assert.Equal("succeeded", (await _client.PaymentAsync(paymentId, order.Token)).GetProperty("status").GetString());
        Assert.Single(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
        await Shoppers.EventuallyAsync(async () => await _client.OrderStatusAsync(order) == "paid", "the order to be paid");
        await factory.Services.GetRequiredService<PaymentReconciliation>().ReconcileAsync(CancellationToken.None);
        Assert.Single(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteLatePaymentTests(PaymentsFactory factory) : LatePaymentTests<PaymentsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresLatePaymentTests(PostgresPaymentsFactory factory) : LatePaymentTests<PostgresPaymentsFactory>(factory);
