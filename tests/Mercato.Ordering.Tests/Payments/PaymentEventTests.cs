using System.Net;
using Mercato.Ordering.Tests.Support;
using Mercato.Payments.Contracts;
using Mercato.Testing;

namespace Mercato.Ordering.Tests.Payments;

/// <summary>Ordering consuming the Payments events on one provider, delivered through the host's transport and inbox.</summary>
public abstract class PaymentEventTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OrderingFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task PaymentSucceeded_marks_the_order_paid_and_a_redelivery_or_a_duplicate_changes_nothing()
    {
        var order = await _client.PlacedOrderAsync();
        var succeeded = new PaymentSucceeded(order.Id, "pi_event", 54.00m);

        await factory.PublishAsync(succeeded);
        await factory.PublishAsync(succeeded); // the same message again: the inbox drops it
        await factory.PublishAsync(new PaymentSucceeded(order.Id, "pi_event", 54.00m)); // a second event for the same payment

        var data = await _client.OrderAsync(order.Id, order.Token);
        Assert.Equal(("paid", "pi_event"), (data.GetProperty("status").GetString(), data.GetProperty("paymentIntent").GetString()));
        Assert.Equal(2, data.GetProperty("statusHistory").GetArrayLength());
        Assert.Single(await factory.EventsAsync("ordering.order-paid.v1", order.Id));
    }

    [Fact]
    public async Task PaymentFailed_leaves_the_order_pending()
    {
        var order = await _client.PlacedOrderAsync();

        await factory.PublishAsync(new PaymentFailed(order.Id, "pi_declined", "card_declined"));

        var data = await _client.OrderAsync(order.Id, order.Token);
        Assert.Equal(("pending", false), (data.GetProperty("status").GetString(), data.GetProperty("isPaid").GetBoolean()));
    }

    [Fact]
    public async Task PaymentRefunded_moves_a_paid_then_cancelled_order_to_refunded_once()
    {
        var order = await _client.PlacedOrderAsync();
        await _client.MoveAsync(order, "paid");
        using var cancelled = await _client.CancelAsync(order.Token, order.Id);
        await cancelled.ExpectAsync(HttpStatusCode.OK);
        var refunded = new PaymentRefunded(order.Id, "pi_" + order.Id.ToString("N"), 54.00m);

        await factory.PublishAsync(refunded);
        await factory.PublishAsync(new PaymentRefunded(refunded.OrderId, refunded.PaymentIntentId, refunded.Amount));

        var data = await _client.OrderAsync(order.Id, order.Token);
        Assert.Equal("refunded", data.GetProperty("status").GetString());
        var history = data.GetProperty("statusHistory").EnumerateArray().ToList();
        Assert.Equal(["pending", "paid", "cancelled", "refunded"], history.Select(h => h.GetProperty("status").GetString()));
        Assert.Equal("Refunded 54.00", history[^1].GetProperty("note").GetString());
    }

    [Fact]
    public async Task PaymentRefunded_for_an_order_still_being_prepared_changes_nothing()
    {
        var order = await _client.PlacedOrderAsync();
        await _client.MoveAsync(order, "paid", "processing");

        await factory.PublishAsync(new PaymentRefunded(order.Id, "pi_" + order.Id.ToString("N"), 54.00m));

        Assert.Equal("processing", (await _client.OrderAsync(order.Id, order.Token)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task PaymentSucceeded_for_an_unknown_order_is_consumed_without_effect()
    {
        // The in-process transport returns only once every handler committed, and throws if one failed.
        var unknown = Guid.NewGuid();
        await factory.PublishAsync(new PaymentSucceeded(unknown, "pi_nobody", 1.00m));

        Assert.Empty(await factory.EventsAsync("ordering.order-paid.v1", unknown));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqlitePaymentEventTests(OrderingFactory factory) : PaymentEventTests<OrderingFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresPaymentEventTests(PostgresOrderingFactory factory) : PaymentEventTests<PostgresOrderingFactory>(factory);
