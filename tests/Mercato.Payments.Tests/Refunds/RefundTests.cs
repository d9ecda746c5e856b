using System.Net;
using Mercato.Payments.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Payments.Tests.Refunds;

/// <summary>Administrators give money back, partly or fully, never more than was captured, on one provider.</summary>
public abstract class RefundTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PaymentsFactory
{
    private readonly HttpClient _client = factory.CreateClient();
    private readonly HttpClient _browser = factory.Browser();

    [Fact]
    public async Task Half_then_the_rest_refunds_the_payment_the_ledger_and_the_order_agree()
    {
        var (order, paymentId) = await _client.PaidOrderAsync(_browser);
        await Shoppers.EventuallyAsync(async () => await _client.OrderStatusAsync(order) == "paid", "the order to be paid");
        foreach (var status in new[] { "processing", "shipped", "delivered" })
        {
            using var moved = await _client.CallAsync(HttpMethod.Put, $"/api/v1/orders/{order.Id}/status", order.Admin, new { status, trackingNumber = "TRK1", carrier = "UPS" });
            await moved.ExpectAsync(HttpStatusCode.OK);
        }

        var half = decimal.Round(order.Total / 2, 2);

        using var first = await _client.RefundAsync(order.Admin, paymentId, half, "Damaged item");
        await first.ExpectAsync(HttpStatusCode.OK);
        var refund = (await first.ReadJsonAsync()).GetProperty("data");
        Assert.Equal((half, "succeeded", "Damaged item"), (refund.GetProperty("amount").GetDecimal(), refund.GetProperty("status").GetString(), refund.GetProperty("reason").GetString()));
        var partly = await _client.PaymentAsync(paymentId, order.Admin);
        Assert.Equal(("partially_refunded", half), (partly.GetProperty("status").GetString(), partly.GetProperty("refunded").GetDecimal()));
        await Shoppers.EventuallyAsync(async () => (await HistoryAsync(order)).Any(n => n.Contains("(partial refund)", StringComparison.Ordinal)), "the partial refund in the order's history");
        Assert.Equal("delivered", await _client.OrderStatusAsync(order));

        using var rest = await _client.RefundAsync(order.Admin, paymentId, null, "Returned the rest");
        await rest.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(order.Total - half, (await rest.ReadJsonAsync()).GetProperty("data").GetProperty("amount").GetDecimal());

        var payment = await _client.PaymentAsync(paymentId, order.Admin);
        Assert.Equal(("refunded", order.Total), (payment.GetProperty("status").GetString(), payment.GetProperty("refunded").GetDecimal()));
        Assert.Equal(["captured", "refunded", "refunded"], payment.GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("kind").GetString()!).ToArray());
        Assert.Equal(2, payment.GetProperty("refunds").GetArrayLength());
        var events = await factory.EventsAsync("payments.payment-refunded.v1", order.Id);
        Assert.Equal([false, true], events.Select(e => e.GetProperty("fullyRefunded").GetBoolean()).Order().ToArray());
        await Shoppers.EventuallyAsync(async () => await _client.OrderStatusAsync(order) == "refunded", "the order to be refunded");

        Assert.Contains((await HistoryAsync(order)), n => n == $"Refunded {order.Total - half:0.00}");

        // The customer sees the refunds but not the ledger.
        var own = await _client.PaymentAsync(paymentId, order.Token);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, own.GetProperty("transactions").ValueKind);
        Assert.Equal(2, own.GetProperty("refunds").GetArrayLength());
    }

    private async Task<List<string>> HistoryAsync(PlacedOrder order)
    {
        using var response = await _client.CallAsync(HttpMethod.Get, $"/api/v1/orders/{order.Id}", order.Token);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("statusHistory").EnumerateArray()
            .Select(e => e.TryGetProperty("note", out var note) && note.ValueKind == System.Text.Json.JsonValueKind.String ? note.GetString()! : string.Empty).ToList();
    }

    [Fact]
    public async Task Ten_parallel_refunds_of_half_let_at_most_two_through_and_never_exceed_the_capture()
    {
        var (order, paymentId) = await _client.PaidOrderAsync(_browser);
        var half = decimal.Round(order.Total / 2, 2, MidpointRounding.ToZero);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await _client.RefundAsync(order.Admin, paymentId, half);
            return response.StatusCode;
        }));

        Assert.Equal(2, answers.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(8, answers.Count(s => s == HttpStatusCode.Conflict));
        var payment = await _client.PaymentAsync(paymentId, order.Admin);
        Assert.Equal(half * 2, payment.GetProperty("refunded").GetDecimal());
        Assert.True(payment.GetProperty("refunded").GetDecimal() <= payment.GetProperty("captured").GetDecimal());
        var sandboxRefunded = await factory.WithDbAsync(db => db.SandboxCharges.Where(c => c.Reference == paymentId).Select(c => c.Refunded).SingleAsync());
        Assert.Equal(half * 2, sandboxRefunded);
    }

    [Fact]
    public async Task Too_much_bad_input_a_repeated_key_and_a_refund_the_gateway_refuses_change_nothing()
    {
        var (order, paymentId) = await _client.PaidOrderAsync(_browser);

        using var tooMuch = await _client.RefundAsync(order.Admin, paymentId, order.Total + 0.01m);
        await tooMuch.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(["REFUND_EXCEEDS_CAPTURED"], (await tooMuch.ReadErrorAsync()).ErrorCodes());

        foreach (var (amount, reason, field) in new (decimal?, string?, string)[] { (0m, "x", "amount"), (-5m, "x", "amount"), (1.234m, "x", "amount"), (1m, null, "reason"), (1m, "bad\u0000reason", "reason") })
        {
            using var bad = await _client.RefundAsync(order.Admin, paymentId, amount, reason);
            await bad.ExpectAsync(HttpStatusCode.BadRequest);
            Assert.Contains(field, (await bad.ReadErrorAsync()).ErrorFields());
        }

        using var once = await _client.RefundAsync(order.Admin, paymentId, 1.00m, idempotencyKey: "refund-key-1");
        using var again = await _client.RefundAsync(order.Admin, paymentId, 1.00m, idempotencyKey: "refund-key-1");
        await once.ExpectAsync(HttpStatusCode.OK);
        await again.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1.00m, (await _client.PaymentAsync(paymentId, order.Admin)).GetProperty("refunded").GetDecimal());

        // 4000 0000 0000 5126 charges but its refunds fail: the refund is recorded failed and nothing else moves.
        var (refusedOrder, refusedPayment) = await _client.PaidOrderAsync(_browser, "4000000000005126");
        using var refused = await _client.RefundAsync(refusedOrder.Admin, refusedPayment, null);
        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["REFUND_FAILED"], (await refused.ReadErrorAsync()).ErrorCodes());
        var unchanged = await _client.PaymentAsync(refusedPayment, refusedOrder.Admin);
        Assert.Equal(("succeeded", 0m, "failed"), (
            unchanged.GetProperty("status").GetString(), unchanged.GetProperty("refunded").GetDecimal(),
            unchanged.GetProperty("refunds")[0].GetProperty("status").GetString()));
        Assert.Empty(await factory.EventsAsync("payments.payment-refunded.v1", refusedOrder.Id));
    }

    [Fact]
    public async Task Only_administrators_refund_and_an_unpaid_or_unknown_payment_cannot_be()
    {
        var (order, paymentId) = await _client.PaidOrderAsync(_browser);

        using var anonymous = await _client.RefundAsync(null, paymentId, 1m);
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized);
        using var owner = await _client.RefundAsync(order.Token, paymentId, 1m);
        await owner.ExpectAsync(HttpStatusCode.Forbidden);
        using var unknown = await _client.RefundAsync(order.Admin, Guid.NewGuid(), 1m);
        await unknown.ExpectAsync(HttpStatusCode.NotFound);

        var unpaid = await _client.CustomerOrderAsync();
        var session = await _client.SessionAsync(unpaid);
        using var notCaptured = await _client.RefundAsync(order.Admin, session.GetProperty("paymentId").GetGuid(), 1m);
        await notCaptured.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(["PAYMENT_NOT_CAPTURED"], (await notCaptured.ReadErrorAsync()).ErrorCodes());
        Assert.Equal(0m, (await _client.PaymentAsync(paymentId, order.Admin)).GetProperty("refunded").GetDecimal());
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteRefundTests(PaymentsFactory factory) : RefundTests<PaymentsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresRefundTests(PostgresPaymentsFactory factory) : RefundTests<PostgresPaymentsFactory>(factory);
