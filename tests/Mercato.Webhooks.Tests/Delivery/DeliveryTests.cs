using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mercato.Platform.Security;
using Mercato.Testing;
using Mercato.Webhooks.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Mercato.Webhooks.Tests.Delivery;

/// <summary>
/// Deliveries reach a real receiver on loopback, signed both ways, with seed 004's payload; real
/// flows through the API (a product created, a customer registered, an order placed) become
/// webhook events; the log keeps every attempt; replays send the same message again; a hanging
/// receiver does not hold up another endpoint.
/// </summary>
public abstract class DeliveryTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : WebhooksFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_test_event_arrives_signed_with_both_signatures_and_the_attempt_is_logged()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = c => { c.Response.StatusCode = 202; return c.Response.WriteAsync("thanks"); };
        var admin = await factory.AdminTokenAsync(_client);
        var hook = await _client.CreateHookAsync(admin, receiver.UrlAs(), "payment.refunded");

        var deliveryId = await _client.SendTestAsync(admin, hook.Id);
        var delivery = await factory.DeliveryReachesAsync(_client, admin, deliveryId, "succeeded", 1);
        var request = Assert.Single(receiver.Requests);

        // Standard Webhooks: verified with the shared helper.
        var id = request.Header("webhook-id");
        var timestamp = request.Header("webhook-timestamp");
        Assert.Equal(delivery.GetProperty("webhookId").GetString(), id);
        Assert.StartsWith("msg_", id, StringComparison.Ordinal);
        Assert.True(StandardWebhookSignature.Verify(hook.Secret, id, timestamp, request.Header("webhook-signature"), request.Body, factory.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        Assert.False(StandardWebhookSignature.Verify(StandardWebhookSignature.NewSecret(), id, timestamp, request.Header("webhook-signature"), request.Body, factory.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        Assert.Equal(factory.Clock.GetUtcNow().ToUnixTimeSeconds(), long.Parse(timestamp!, CultureInfo.InvariantCulture), 5.0);

        // Seed 004: computed here as the seed's C# example does, word for word.
#pragma warning disable CA1872 // the seed's own code
        using (var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(hook.Secret)))
        {
            var expected = "sha256=" + BitConverter.ToString(hmac.ComputeHash(request.Body)).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
            Assert.Equal(expected, request.Header("X-Webhook-Signature"));
        }
#pragma warning restore CA1872

        Assert.Equal("application/json", request.Header("content-type"));
        Assert.Contains("Mercato", request.Header("user-agent"), StringComparison.Ordinal);
        Assert.Equal("/hook", request.Header("path"));

        // Seed 004's payload.
        using var payload = JsonDocument.Parse(request.Body);
        var root = payload.RootElement;
        Assert.Equal("webhook.test", root.GetProperty("event").GetString());
        Assert.StartsWith("evt_", root.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("Z", root.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(hook.Id, root.GetProperty("data").GetProperty("endpointId").GetGuid());

        // The log: one attempt with the headers sent, the status and the answer.
        var attempt = Assert.Single(delivery.GetProperty("attempts").EnumerateArray());
        Assert.Equal(202, attempt.GetProperty("statusCode").GetInt32());
        Assert.Equal("thanks", attempt.GetProperty("responseBody").GetString());
        Assert.True(attempt.GetProperty("succeeded").GetBoolean());
        Assert.Equal(id, attempt.GetProperty("requestHeaders").GetProperty("webhook-id").GetString());
        Assert.Equal(request.Header("webhook-signature"), attempt.GetProperty("requestHeaders").GetProperty("webhook-signature").GetString());
        Assert.Equal(root.GetProperty("id").GetString(), delivery.GetProperty("payload").GetProperty("id").GetString());

        var hookNow = await _client.HookAsync(admin, hook.Id);
        Assert.True(hookNow.TryGetProperty("lastSuccessAt", out var success) && success.ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task Creating_a_product_registering_and_ordering_deliver_their_events_with_versioned_data()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await factory.AdminTokenAsync(_client);
        var hook = await _client.CreateHookAsync(admin, receiver.UrlAs(), "product.created", "user.registered", "order.created");
        var correlation = "webhooks-" + ShopApi.Unique();

        var name = "Webhook Lamp " + ShopApi.Unique();
        var category = await _client.CreateCategoryAsync(admin);
        using (var created = await _client.CallAsync(HttpMethod.Post, "/api/v1/products", admin, new
        {
            name, sku = "WL-" + ShopApi.Unique(), description = "A lamp", price = 25.00m, categoryId = category, stock = 100,
            images = new[] { new { url = "https://shop.example/media/lamp.jpg", alt = "picture", isPrimary = true } },
        }, new Dictionary<string, string> { ["X-Correlation-Id"] = correlation }))
        {
            await created.ExpectAsync(HttpStatusCode.Created);
        }

        var (userId, email, token) = await _client.RegisterCustomerAsync("Ada", "Lovelace");
        var product = (await ByEventAsync(receiver, "product.created")).Single(p => p.GetProperty("data").GetProperty("name").GetString() == name);
        var data = product.GetProperty("data");
        Assert.Equal(25.00m, data.GetProperty("price").GetDecimal());
        Assert.Equal(JsonValueKind.True, data.GetProperty("available").ValueKind);
        Assert.Equal(JsonValueKind.String, data.GetProperty("sku").ValueKind);

        var user = (await ByEventAsync(receiver, "user.registered")).Single(p => p.GetProperty("data").GetProperty("id").GetGuid() == userId);
        Assert.Equal(email, user.GetProperty("data").GetProperty("email").GetString());
        Assert.Equal("Ada", user.GetProperty("data").GetProperty("firstName").GetString());

        // An order placed by that customer.
        var productId = product.GetProperty("data").GetProperty("id").GetGuid();
        await _client.AddToCartAsync(productId, 2, token);
        Guid orderId;
        using (var placed = await _client.CallAsync(HttpMethod.Post, "/api/v1/orders", token, new
        {
            shippingAddress = new { street = "12 Analytical Row", city = "London", state = "LDN", zipCode = "NW1 6XE", country = "GB" },
        }))
        {
            await placed.ExpectAsync(HttpStatusCode.Created);
            orderId = (await placed.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetGuid();
        }

        var order = (await ByEventAsync(receiver, "order.created")).Single(p => p.GetProperty("data").GetProperty("id").GetGuid() == orderId).GetProperty("data");
        Assert.Equal(userId, order.GetProperty("userId").GetGuid());
        Assert.Equal("pending", order.GetProperty("status").GetString());
        Assert.StartsWith("ORD-", order.GetProperty("orderNumber").GetString(), StringComparison.Ordinal);
        var item = Assert.Single(order.GetProperty("items").EnumerateArray());
        Assert.Equal((productId, 2, 25.00m), (item.GetProperty("productId").GetGuid(), item.GetProperty("quantity").GetInt32(), item.GetProperty("unitPrice").GetDecimal()));

        // The product's delivery keeps the request's correlation id: it is sent under it (the
        // attempt runs in its correlation context, which outgoing calls carry) and the log filters by it.
        var productRequest = receiver.Requests.Single(r => r.Text.Contains(name, StringComparison.Ordinal));
        Assert.Equal(correlation, productRequest.Header("X-Correlation-Id"));
        var byCorrelation = await _client.DeliveriesAsync(admin, hook.Id, "?correlationId=" + correlation);
        var only = Assert.Single(byCorrelation.GetProperty("items").EnumerateArray());
        Assert.Equal("product.created", only.GetProperty("event").GetString());
        Assert.Equal(correlation, only.GetProperty("correlationId").GetString());
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", only.GetProperty("traceParent").GetString());
        using (var all = await _client.CallAsync(HttpMethod.Get, "/api/v1/webhooks/deliveries?correlationId=" + correlation, admin))
        {
            await all.ExpectAsync(HttpStatusCode.OK);

            // Every endpoint's deliveries of that request: this one's among them, nothing of another request.
            var items = (await all.ReadJsonAsync()).GetProperty("data").GetProperty("items").EnumerateArray().ToList();
            Assert.Contains(items, d => d.GetProperty("endpointId").GetGuid() == hook.Id);
            Assert.All(items, d => Assert.Equal((correlation, "product.created"), (d.GetProperty("correlationId").GetString(), d.GetProperty("event").GetString())));
        }

        // Filters: event and status.
        var orders = await _client.DeliveriesAsync(admin, hook.Id, "?event=order.created&status=succeeded");
        Assert.All(orders.GetProperty("items").EnumerateArray(), d => Assert.Equal("order.created", d.GetProperty("event").GetString()));
        Assert.True(orders.GetProperty("totalCount").GetInt32() >= 1);
    }

    [Fact]
    public async Task Replaying_a_delivery_sends_the_same_message_again_and_replay_since_resends_an_endpoints_deliveries()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await factory.AdminTokenAsync(_client);
        var hook = await _client.CreateHookAsync(admin, receiver.UrlAs(), "payment.refunded");
        var first = await _client.SendTestAsync(admin, hook.Id);
        await factory.DeliveryReachesAsync(_client, admin, first, "succeeded", 1);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var since = factory.Clock.GetUtcNow().UtcDateTime;
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await _client.SendTestAsync(admin, hook.Id);
        await factory.DeliveryReachesAsync(_client, admin, second, "succeeded", 1);

        using (var replay = await _client.CallAsync(HttpMethod.Post, $"/api/v1/webhooks/deliveries/{first}/replay", admin))
        {
            await replay.ExpectAsync(HttpStatusCode.Accepted);
        }

        var replayed = await factory.DeliveryReachesAsync(_client, admin, first, "succeeded", 2);
        Assert.Equal(1, replayed.GetProperty("replays").GetInt32());
        // The administrator's replay (a conditional bulk update) is audited in its transaction.
        var audited = Assert.Single(await factory.AuditEntriesAsync("webhooks.webhook-delivery.replayed", first));
        Assert.Equal("admin", audited.GetProperty("actorType").GetString());
        await receiver.ReceivedAsync(3);
        var requests = receiver.Requests.ToArray();
        Assert.Equal(requests[0].Header("webhook-id"), requests[2].Header("webhook-id"));
        Assert.Equal(requests[0].Text, requests[2].Text);

        // Since a time: only the second.
        using (var replaySince = await _client.CallAsync(HttpMethod.Post, $"/api/v1/webhooks/{hook.Id}/replay", admin, new { since = since.ToString("o") }))
        {
            await replaySince.ExpectAsync(HttpStatusCode.Accepted);
            Assert.Equal(1, (await replaySince.ReadJsonAsync()).GetProperty("data").GetProperty("replayed").GetInt32());
        }

        await factory.DeliveryReachesAsync(_client, admin, second, "succeeded", 2);
        await receiver.ReceivedAsync(4);
        Assert.Equal(receiver.Requests.ToArray()[1].Header("webhook-id"), receiver.Requests.ToArray()[3].Header("webhook-id"));
        Assert.Equal(1, (await _client.DeliveryAsync(admin, first)).GetProperty("replays").GetInt32());

        // Bad input and unknown ids.
        using (var noSince = await _client.CallAsync(HttpMethod.Post, $"/api/v1/webhooks/{hook.Id}/replay", admin))
        {
            await noSince.ExpectErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        }

        using (var future = await _client.CallAsync(HttpMethod.Post, $"/api/v1/webhooks/{hook.Id}/replay?since=" + Uri.EscapeDataString(factory.Clock.GetUtcNow().AddDays(1).ToString("o")), admin))
        {
            await future.ExpectErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        }

        using (var unknown = await _client.CallAsync(HttpMethod.Post, $"/api/v1/webhooks/deliveries/{Guid.NewGuid()}/replay", admin))
        {
            await unknown.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        }

        using (var unknownHook = await _client.CallAsync(HttpMethod.Post, $"/api/v1/webhooks/{Guid.NewGuid()}/replay", admin, new { since }))
        {
            await unknownHook.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        }
    }

    [Fact]
    public async Task A_hanging_receiver_does_not_delay_another_endpoints_delivery()
    {
        await using var slow = await WebhookReceiver.StartAsync();
        await using var fast = await WebhookReceiver.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        slow.Respond = async c => { await release.Task; await c.Response.WriteAsync("late"); };
        var admin = await factory.AdminTokenAsync(_client);
        var slowHook = await _client.CreateHookAsync(admin, slow.UrlAs(), "payment.refunded");
        var fastHook = await _client.CreateHookAsync(admin, fast.UrlAs(), "payment.refunded");

        var hanging = await _client.SendTestAsync(admin, slowHook.Id);
        await slow.ReceivedAsync(1);
        var quick = await _client.SendTestAsync(admin, fastHook.Id);

        // The fast endpoint's delivery succeeds while the slow one still hangs in its attempt.
        await factory.DeliveryReachesAsync(_client, admin, quick, "succeeded", 1);
        Assert.Equal("sending", (await _client.DeliveryAsync(admin, hanging)).GetProperty("status").GetString());
        Assert.Single(fast.Requests);

        release.SetResult();
        await factory.DeliveryReachesAsync(_client, admin, hanging, "succeeded", 1);
    }

    [Fact]
    public async Task Support_messages_are_delivered_but_internal_notes_never_are()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await factory.AdminTokenAsync(_client);
        var hook = await _client.CreateHookAsync(admin, receiver.UrlAs(), "support.message.created");
        var conversation = Guid.NewGuid();
        var note = new Mercato.Support.Contracts.SupportMessageCreated(conversation, Guid.NewGuid(), Guid.NewGuid(), null, "Late parcel", Guid.NewGuid(), true, true, "Customer is a known fraudster");
        var reply = new Mercato.Support.Contracts.SupportMessageCreated(conversation, Guid.NewGuid(), Guid.NewGuid(), null, "Late parcel", Guid.NewGuid(), true, false, "It left our warehouse today");
        await factory.Services.RelayAsync<Data.WebhooksDbContext>(note, "support");
        await factory.Services.RelayAsync<Data.WebhooksDbContext>(reply, "support");

        await factory.EventuallyAsync(async () => (await _client.DeliveriesAsync(admin, hook.Id, "?status=succeeded")).GetProperty("totalCount").GetInt32() >= 1, "the reply's delivery");
        var deliveries = await _client.DeliveriesAsync(admin, hook.Id);
        var only = Assert.Single(deliveries.GetProperty("items").EnumerateArray());
        var data = only.GetProperty("payload").GetProperty("data");
        Assert.Equal(reply.MessageId, data.GetProperty("messageId").GetGuid());
        Assert.Equal("It left our warehouse today", data.GetProperty("body").GetString());
        Assert.DoesNotContain(receiver.Requests, r => r.Text.Contains("fraudster", StringComparison.Ordinal));
    }

    private async Task<List<JsonElement>> ByEventAsync(WebhookReceiver receiver, string eventName)
    {
        List<JsonElement> found = [];
        await factory.EventuallyAsync(
            () =>
            {
                found = [.. receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).Where(p => p.GetProperty("event").GetString() == eventName)];
                return Task.FromResult(found.Count > 0);
            },
            $"a {eventName} delivery");
        return found;
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteDeliveryTests(WebhooksFactory factory) : DeliveryTests<WebhooksFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresDeliveryTests(PostgresWebhooksFactory factory) : DeliveryTests<PostgresWebhooksFactory>(factory);
