using System.Text.Json;
using Mercato.Catalog.Contracts;
using Mercato.Identity.Contracts;
using Mercato.Messaging.Events;
using Mercato.Ordering.Contracts;
using Mercato.Payments.Contracts;
using Mercato.Testing;
using Mercato.Webhooks.Data;
using Mercato.Webhooks.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Webhooks.Tests.Events;

/// <summary>
/// Every integration event Webhooks listens to, relayed through the real messaging pipeline (an
/// outbox row, the relay, the consumer queue, the inbox), reaches a subscribed receiver as the
/// webhook event(s) the README lists, with its v1 data; an endpoint receives only what it subscribed to.
/// </summary>
public abstract class EventMappingTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : WebhooksFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Each_integration_event_becomes_its_webhook_events_with_their_data()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var narrow = await WebhookReceiver.StartAsync();
        var admin = await factory.AdminTokenAsync(_client);
        await _client.CreateHookAsync(admin, receiver.UrlAs(), "*");
        await _client.CreateHookAsync(admin, narrow.UrlAs(), "payment.refunded");
        var order = Guid.NewGuid();
        var product = Guid.NewGuid();
        var user = Guid.NewGuid();
        IntegrationEvent[] events =
        [
            new OrderPaid(order, "ORD-2026-000001", "pi_1", 50.00m),
            new OrderShipped(order, "ORD-2026-000001", "1Z999", "UPS"),
            new OrderDelivered(order, "ORD-2026-000001", user, [product]),
            new OrderCancelled(order, "ORD-2026-000001", "Changed my mind", true, [new OrderedLine(product, 2, 25.00m)]),
            new PaymentSucceeded(order, "pi_1", 50.00m),
            new PaymentFailed(order, "pi_2", "card_declined"),
            new PaymentRefunded(order, "pi_1", 20.00m) { RefundedTotal = 20.00m, FullyRefunded = false },
            new ProductUpdated(product, "Lamp", "L-1", 30.00m, 25.00m, 40.00m, true),
            new ProductDeleted(product),
            new UserProfileChanged(user, "ada@example.com", "Ada", "King", "+441234567890", "en"),
        ];
        foreach (var integrationEvent in events)
        {
            await factory.Services.RelayAsync<WebhooksDbContext>(integrationEvent, "test");
        }

        await factory.EventuallyAsync(() => Task.FromResult(receiver.Requests.Count >= 14 && !narrow.Requests.IsEmpty), "every webhook event");
        var bodies = receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        JsonElement Data(string name) => Assert.Single(bodies, b => b.GetProperty("event").GetString() == name).GetProperty("data");

        Assert.Equal(50.00m, Data("order.paid").GetProperty("amount").GetDecimal());
        Assert.Equal(("1Z999", "UPS"), (Data("order.shipped").GetProperty("trackingNumber").GetString(), Data("order.shipped").GetProperty("carrier").GetString()));
        Assert.Equal(product, Assert.Single(Data("order.delivered").GetProperty("productIds").EnumerateArray()).GetGuid());
        Assert.Equal("Changed my mind", Data("order.cancelled").GetProperty("reason").GetString());
        Assert.True(Data("order.cancelled").GetProperty("wasPaid").GetBoolean());
        Assert.Equal(
            ["cancelled", "delivered", "paid", "shipped"],
            bodies.Where(b => b.GetProperty("event").GetString() == "order.updated").Select(b => b.GetProperty("data").GetProperty("status").GetString()!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("pi_1", Data("payment.succeeded").GetProperty("paymentIntentId").GetString());
        Assert.Equal("card_declined", Data("payment.failed").GetProperty("reason").GetString());
        Assert.False(Data("payment.refunded").GetProperty("fullyRefunded").GetBoolean());
        Assert.Equal(25.00m, Data("product.updated").GetProperty("previousPrice").GetDecimal());
        Assert.Equal(product, Data("product.deleted").GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Null, Data("product.deleted").GetProperty("name").ValueKind);
        Assert.Equal("+441234567890", Data("user.updated").GetProperty("phoneNumber").GetString());
        Assert.All(bodies, b => Assert.Equal(b.GetProperty("event").GetString(), b.GetProperty("type").GetString()));
        Assert.Equal(bodies.Count, bodies.Select(b => b.GetProperty("id").GetString()).Distinct().Count());

        // The narrow endpoint got its one event, with the same event id as the wide one.
        var refund = JsonDocument.Parse(Assert.Single(narrow.Requests).Body).RootElement;
        Assert.Equal("payment.refunded", refund.GetProperty("event").GetString());
        Assert.Equal(bodies.Single(b => b.GetProperty("event").GetString() == "payment.refunded").GetProperty("id").GetString(), refund.GetProperty("id").GetString());

        // A redelivered event queues nothing twice.
        var before = await factory.WithDbAsync(db => db.Deliveries.CountAsync());
        await factory.Services.RedeliverAsync<WebhooksDbContext>(events[0].Id);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Deliveries.CountAsync()));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteEventMappingTests(WebhooksFactory factory) : EventMappingTests<WebhooksFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresEventMappingTests(PostgresWebhooksFactory factory) : EventMappingTests<PostgresWebhooksFactory>(factory);
