using System.Net;
using System.Text.Json;
using Mercato.Logs.Tests.Support;
using Mercato.Testing;

namespace Mercato.Logs.Tests.Flows;

/// <summary>
/// What one order placement leaves behind: its request's logs with its correlation id (shipped
/// in process), the changes the services made for it in their event handlers (audited as
/// <c>service:&lt;module&gt;</c>) and its notifications, together in the correlation view; and the
/// payment and refund that follow, audited whoever made them.
/// </summary>
public abstract class OrderTrailTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LogsFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task An_order_placements_logs_audit_entries_and_notifications_show_together_under_its_correlation_id()
    {
        var admin = await _client.AdminTokenAsync();
        // An endpoint for new orders (a public address: the delivery row is made whether or not it answers).
        using (var hook = await _client.CallAsync(HttpMethod.Post, "/api/v1/webhooks", admin, new { url = "https://93.184.216.34/trail/" + ShopApi.Unique(), events = new[] { "order.created" } }))
        {
            await hook.ExpectAsync(HttpStatusCode.Created);
        }

        var order = await _client.PlaceAsync(admin);

        JsonElement view = default;
        await Eventually.HoldsAsync(
            async () =>
            {
                using var response = await _client.CallAsync(HttpMethod.Get, $"/api/v1/logs/correlations/{order.CorrelationId}", admin);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return false;
                }

                view = (await response.ReadJsonAsync()).GetProperty("data");
                return view.GetProperty("logs").EnumerateArray().Any(l => l.GetProperty("category").GetString() == "Mercato.Ordering.Checkout.OrderPlacement")
                    && view.GetProperty("notifications").GetArrayLength() > 0
                    && view.GetProperty("webhookDeliveries").GetArrayLength() > 0;
            },
            "the order's logs, audit entries and notifications");

        Assert.Equal(order.CorrelationId, view.GetProperty("correlationId").GetString());
        // The request's own records, shipped in process with its correlation id.
        var logs = view.GetProperty("logs").EnumerateArray().ToList();
        Assert.All(logs, l => Assert.Equal(order.CorrelationId, l.GetProperty("correlationId").GetString()));
        Assert.Contains(logs, l => l.GetProperty("message").GetString()!.Contains("/api/v1/orders", StringComparison.Ordinal));
        var placed = logs.First(l => l.GetProperty("category").GetString() == "Mercato.Ordering.Checkout.OrderPlacement");
        Assert.Equal(("ordering", "information"), (placed.GetProperty("service").GetString(), placed.GetProperty("level").GetString()));
        Assert.Equal(order.Id.ToString(), placed.GetProperty("properties").GetProperty("OrderId").GetString());
        Assert.All(logs, l => Assert.Matches("^[0-9a-f]{32}$", l.GetProperty("traceId").GetString()));

        // The order confirmation Notifications queued for it in its event handler: a service's change.
        var notification = view.GetProperty("notifications")[0];
        Assert.Equal(("notifications.notification.created", "service"), (notification.GetProperty("action").GetString(), notification.GetProperty("actorType").GetString()));
        Assert.Equal(JsonValueKind.Null, notification.GetProperty("clientIp").ValueKind);
        Assert.All(view.GetProperty("audit").EnumerateArray().Concat(view.GetProperty("notifications").EnumerateArray()), a => Assert.Equal(order.CorrelationId, a.GetProperty("correlationId").GetString()));
        Assert.Equal(("notification", "service:notifications"), (notification.GetProperty("resourceType").GetString(), notification.GetProperty("actor").GetString()));
        Assert.Equal(order.UserId.ToString(), notification.GetProperty("after").GetProperty("userId").GetString());

        // The webhook delivery the order.created event queued, in the Webhooks module's event handler.
        var delivery = view.GetProperty("webhookDeliveries")[0];
        Assert.Equal(("webhooks.webhook-delivery.created", "service:webhooks"), (delivery.GetProperty("action").GetString(), delivery.GetProperty("actor").GetString()));
        Assert.Equal("order.created", delivery.GetProperty("after").GetProperty("event").GetString());

        // The stock Catalog reserved for Ordering through its in-process client is the Catalog service's change, as over HTTP.
        Assert.Contains(view.GetProperty("audit").EnumerateArray(), a => a.GetProperty("action").GetString() == "catalog.reservation.created"
            && a.GetProperty("actor").GetString() == "service:catalog"
            && a.GetProperty("after").GetProperty("orderId").GetString() == order.Id.ToString());

        // The customer's own order is not in the trail: a customer's change is not audited.
        Assert.DoesNotContain(view.GetProperty("audit").EnumerateArray(), a => a.GetProperty("actor").GetString() == order.UserId.ToString());
    }

    [Fact]
    public async Task A_payment_and_a_refund_are_audited_whoever_makes_them()
    {
        var admin = await _client.AdminTokenAsync();
        var order = await _client.PlaceAsync(admin);
        var paymentId = await factory.PayAsync(_client, order);

        var payment = await _client.AuditEventuallyAsync(admin, $"?resourceType=payment&resourceId={paymentId}", 2);
        var created = Assert.Single(payment, e => e.GetProperty("action").GetString() == "payments.payment.created");
        // Opened by the customer at the checkout: audited although a customer made it.
        Assert.Equal((order.UserId.ToString(), "user"), (created.GetProperty("actor").GetString(), created.GetProperty("actorType").GetString()));
        Assert.Contains(payment, e => e.GetProperty("action").GetString() == "payments.payment.updated"
            && e.GetProperty("after").TryGetProperty("status", out var status) && status.GetString() == "succeeded");

        using (var refund = await _client.CallAsync(HttpMethod.Post, $"/api/v1/payments/{paymentId}/refund", admin, new { amount = 10.00m, reason = "Damaged box" }))
        {
            Assert.True(refund.IsSuccessStatusCode, await refund.Content.ReadAsStringAsync());
        }

        var refunds = await _client.AuditEventuallyAsync(admin, "?resourceType=refund&action=payments.refund.created&pageSize=100");
        var entry = Assert.Single(refunds, e => e.GetProperty("after").GetProperty("paymentId").GetString() == paymentId.ToString());
        Assert.Equal((Tokens.SubjectOf(admin), "admin"), (entry.GetProperty("actor").GetString(), entry.GetProperty("actorType").GetString()));
        Assert.Equal(10.00m, entry.GetProperty("after").GetProperty("amount").GetDecimal());
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteOrderTrailTests(LogsFactory factory) : OrderTrailTests<LogsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresOrderTrailTests(PostgresLogsFactory factory) : OrderTrailTests<PostgresLogsFactory>(factory);
