using System.Net;
using Mercato.Payments.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Payments.Tests.Stripe;

/// <summary>Saved cards on Stripe (PaymentMethods on the user's Stripe Customer), seed 004's process with them, and refunds through Stripe, on one provider.</summary>
public abstract class StripeSavedCardTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : StripePaymentsFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Cards_are_saved_on_one_Stripe_customer_listed_and_deleted_and_a_refused_card_stores_nothing()
    {
        var (userId, _, token) = await _client.RegisterCustomerAsync();

        var visa = await _client.SaveStripeCardAsync(token);
        Assert.Equal(("stripe", "visa", "4242", true), (
            visa.GetProperty("gateway").GetString(), visa.GetProperty("brand").GetString(), visa.GetProperty("last4").GetString(), visa.GetProperty("isDefault").GetBoolean()));
        var mastercard = await _client.SaveStripeCardAsync(token, "tok_mastercard");
        Assert.Equal(("mastercard", "4444", false), (mastercard.GetProperty("brand").GetString(), mastercard.GetProperty("last4").GetString(), mastercard.GetProperty("isDefault").GetBoolean()));

        // One Stripe customer for the user, remembered in Mercato, holding both PaymentMethods.
        var customer = await factory.WithDbAsync(db => db.StripeCustomers.Where(c => c.UserId == userId).Select(c => c.CustomerId).SingleAsync());
        Assert.StartsWith("cus_", customer, StringComparison.Ordinal);
        var methodIds = await factory.WithDbAsync(db => db.PaymentMethods.Where(m => m.UserId == userId).Select(m => m.GatewayMethodId).ToListAsync());
        Assert.Equal(2, methodIds.Count);
        Assert.All(methodIds, id => Assert.Equal(customer, factory.Stripe.Get(id)!.Text("customer")));

        foreach (var (cardToken, reason) in new[] { ("tok_chargeDeclined", "generic_decline"), ("tok_chargeDeclinedInsufficientFunds", "insufficient_funds"), ("tok_unknown", "resource_missing") })
        {
            using var refused = await _client.AddStripeCardAsync(token, cardToken);
            await refused.ExpectAsync(HttpStatusCode.BadRequest);
            var error = await refused.ReadErrorAsync();
            Assert.Equal(["CARD_REFUSED"], error.ErrorCodes());
            Assert.Equal(["cardToken"], error.ErrorFields());
            Assert.Contains(reason, error.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(2, await factory.WithDbAsync(db => db.PaymentMethods.CountAsync(m => m.UserId == userId)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.StripeCustomers.CountAsync(c => c.UserId == userId)));

        using var deleted = await _client.CallAsync(HttpMethod.Delete, $"/api/v1/payments/methods/{visa.GetProperty("id").GetGuid()}", token);
        await deleted.ExpectAsync(HttpStatusCode.NoContent);
        var visaAtStripe = methodIds.Single(id => factory.Stripe.Get(id)!["card"]!["last4"]!.GetValue<string>() == "4242");
        Assert.Null(factory.Stripe.Get(visaAtStripe)!.Text("customer"));
        using var listed = await _client.CallAsync(HttpMethod.Get, "/api/v1/payments/methods", token);
        await listed.ExpectAsync(HttpStatusCode.OK);
        var left = Assert.Single((await listed.ReadJsonAsync()).GetProperty("data").EnumerateArray());
        Assert.Equal((mastercard.GetProperty("id").GetGuid(), true), (left.GetProperty("id").GetGuid(), left.GetProperty("isDefault").GetBoolean()));
    }

    [Fact]
    public async Task While_Stripe_answers_no_more_than_errors_saving_a_card_is_503_and_stores_nothing()
    {
        var (userId, _, token) = await _client.RegisterCustomerAsync();
        factory.Stripe.Down = true;
        try
        {
            using var response = await _client.AddStripeCardAsync(token, "tok_visa");
            await response.ExpectAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal(["SERVICE_UNAVAILABLE"], (await response.ReadErrorAsync()).ErrorCodes());
        }
        finally
        {
            factory.Stripe.Down = false;
        }

        Assert.Equal(0, await factory.WithDbAsync(db => db.PaymentMethods.CountAsync(m => m.UserId == userId)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.StripeCustomers.CountAsync(c => c.UserId == userId)));
    }

    [Fact]
    public async Task A_saved_Stripe_card_pays_the_order_with_a_PaymentIntent_for_its_total()
    {
        var order = await _client.CustomerOrderAsync(price: 12.34m, quantity: 2);
        var method = (await _client.SaveStripeCardAsync(order.Token!)).GetProperty("id").GetGuid();

        using var paid = await _client.ProcessAsync(order, method, idempotencyKey: "stripe-process-" + order.Id);
        await paid.ExpectAsync(HttpStatusCode.OK);
        var data = (await paid.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(("succeeded", order.Total, "stripe", "visa", "4242"), (
            data.GetProperty("status").GetString(), data.GetProperty("amount").GetDecimal(), data.GetProperty("gateway").GetString(),
            data.GetProperty("brand").GetString(), data.GetProperty("last4").GetString()));
        var intentId = data.GetProperty("transactionId").GetString()!;
        Assert.StartsWith("pi_", intentId, StringComparison.Ordinal);

        // What Stripe holds: the total in cents on the user's customer, confirmed on-session, Mercato's payment in the metadata.
        var intent = factory.Stripe.Get(intentId)!;
        var paymentId = data.GetProperty("paymentId").GetGuid();
        Assert.Equal((long)(order.Total * 100), intent["amount_received"]!.GetValue<long>());
        Assert.Equal(("succeeded", "usd", "automatic"), (intent.Text("status"), intent.Text("currency"), intent.Text("capture_method")));
        Assert.Equal(paymentId.ToString(), intent["metadata"]!["mercato_payment_id"]!.GetValue<string>());
        Assert.Equal(await factory.WithDbAsync(db => db.StripeCustomers.Select(c => c.CustomerId).SingleAsync(c => c == intent.Text("customer"))), intent.Text("customer"));
        Assert.EndsWith($"/api/v1/payments/{paymentId}/return", intent.Text("return_url"), StringComparison.Ordinal);

        var succeeded = Assert.Single(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
        Assert.Equal(intentId, succeeded.GetProperty("paymentIntentId").GetString());
        await Shoppers.EventuallyAsync(async () => await _client.OrderStatusAsync(order) == "paid", "the order to be paid");

        // Mercato's Idempotency-Key replays the answer; Stripe is not asked again.
        var writes = factory.Stripe.Writes;
        using var replay = await _client.ProcessAsync(order, method, idempotencyKey: "stripe-process-" + order.Id);
        await replay.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(paymentId, (await replay.ReadJsonAsync()).GetProperty("data").GetProperty("paymentId").GetGuid());
        Assert.Equal(writes, factory.Stripe.Writes);
    }

    [Fact]
    public async Task A_card_Stripe_declines_answers_402_with_its_reason_and_a_3D_Secure_card_requires_action()
    {
        var order = await _client.CustomerOrderAsync();
        var declining = (await _client.SaveStripeCardAsync(order.Token!, "tok_chargeCustomerFail")).GetProperty("id").GetGuid();

        using var failed = await _client.ProcessAsync(order, declining);
        await failed.ExpectAsync(HttpStatusCode.PaymentRequired);
        var error = await failed.ReadErrorAsync();
        Assert.Equal(["PAYMENT_FAILED"], error.ErrorCodes());
        Assert.Contains("generic_decline", error.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        var failure = Assert.Single(await factory.EventsAsync("payments.payment-failed.v1", order.Id));
        Assert.Equal("generic_decline", failure.GetProperty("reason").GetString());
        Assert.StartsWith("pi_", failure.GetProperty("paymentIntentId").GetString(), StringComparison.Ordinal);
        Assert.Equal("requires_payment_method", factory.Stripe.Get(failure.GetProperty("paymentIntentId").GetString()!)!.Text("status"));
        Assert.Equal("pending", await _client.OrderStatusAsync(order));

        // Stripe's payment_intent.payment_failed about the same decline changes nothing more.
        var failedIntent = factory.Stripe.Get(failure.GetProperty("paymentIntentId").GetString()!)!;
        var failedEvent = FakeStripe.Event("payment_intent.payment_failed", failedIntent);
        using var failedDelivered = await FakeStripe.SendAsync(_client, failedEvent, FakeStripe.Signature(failedEvent, factory.Clock.GetUtcNow()));
        await failedDelivered.ExpectAsync(HttpStatusCode.OK);
        Assert.True((await failedDelivered.ReadJsonAsync()).GetProperty("data").GetProperty("applied").GetBoolean());
        Assert.Single(await factory.EventsAsync("payments.payment-failed.v1", order.Id));

        // A saved card deleted at Stripe meanwhile: the charge fails with Stripe's reason, never a 500.
        var gone = (await _client.SaveStripeCardAsync(order.Token!, "tok_mastercard")).GetProperty("id").GetGuid();
        factory.Stripe.Forget(await factory.WithDbAsync(db => db.PaymentMethods.Where(m => m.Id == gone).Select(m => m.GatewayMethodId).SingleAsync()));
        using var vanished = await _client.ProcessAsync(order, gone);
        await vanished.ExpectAsync(HttpStatusCode.PaymentRequired);
        Assert.Contains("resource_missing", (await vanished.ReadErrorAsync()).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        var challenged = (await _client.SaveStripeCardAsync(order.Token!, "tok_threeDSecure2Required")).GetProperty("id").GetGuid();
        using var action = await _client.ProcessAsync(order, challenged);
        await action.ExpectAsync(HttpStatusCode.OK);
        var data = (await action.ReadJsonAsync()).GetProperty("data");
        Assert.Equal("requires_action", data.GetProperty("status").GetString());
        var intentId = data.GetProperty("transactionId").GetString()!;
        Assert.Equal($"{factory.Stripe.Url}/3ds/{intentId}", data.GetProperty("actionUrl").GetString());
        Assert.Empty(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));

        // The shopper passes the challenge at Stripe; Stripe's payment_intent.succeeded completes the payment.
        var intent = factory.Stripe.CompleteChallenge(intentId);
        var body = FakeStripe.Event("payment_intent.succeeded", intent);
        using var delivered = await FakeStripe.SendAsync(_client, body, FakeStripe.Signature(body, factory.Clock.GetUtcNow()));
        await delivered.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("succeeded", (await _client.PaymentAsync(data.GetProperty("paymentId").GetGuid(), order.Token)).GetProperty("status").GetString());
        Assert.Single(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
    }

    [Fact]
    public async Task A_partial_then_a_full_refund_go_through_Stripe_and_never_exceed_the_capture()
    {
        var order = await _client.CustomerOrderAsync(price: 30.00m, quantity: 1);
        var method = (await _client.SaveStripeCardAsync(order.Token!)).GetProperty("id").GetGuid();
        using var paid = await _client.ProcessAsync(order, method);
        await paid.ExpectAsync(HttpStatusCode.OK);
        var data = (await paid.ReadJsonAsync()).GetProperty("data");
        var paymentId = data.GetProperty("paymentId").GetGuid();
        var intentId = data.GetProperty("transactionId").GetString()!;
        await Shoppers.EventuallyAsync(async () => await _client.OrderStatusAsync(order) == "paid", "the order to be paid");
        foreach (var status in new[] { "processing", "shipped", "delivered" })
        {
            using var moved = await _client.CallAsync(HttpMethod.Put, $"/api/v1/orders/{order.Id}/status", order.Admin, new { status, trackingNumber = "TRK1", carrier = "UPS" });
            await moved.ExpectAsync(HttpStatusCode.OK);
        }

        using var partial = await _client.RefundAsync(order.Admin, paymentId, 10.00m, "Damaged item", "stripe-refund-1-" + paymentId);
        await partial.ExpectAsync(HttpStatusCode.OK);
        var first = (await partial.ReadJsonAsync()).GetProperty("data");
        Assert.Equal((10.00m, "succeeded"), (first.GetProperty("amount").GetDecimal(), first.GetProperty("status").GetString()));
        Assert.Equal("partially_refunded", (await _client.PaymentAsync(paymentId, order.Admin)).GetProperty("status").GetString());

        using var tooMuch = await _client.RefundAsync(order.Admin, paymentId, 25.00m, "More than is left");
        Assert.Equal(HttpStatusCode.Conflict, tooMuch.StatusCode);
        Assert.Equal(["REFUND_EXCEEDS_CAPTURED"], (await tooMuch.ReadErrorAsync()).ErrorCodes());

        using var rest = await _client.RefundAsync(order.Admin, paymentId, null, "Returned the rest", "stripe-refund-2-" + paymentId);
        await rest.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(order.Total - 10.00m, (await rest.ReadJsonAsync()).GetProperty("data").GetProperty("amount").GetDecimal());

        var payment = await _client.PaymentAsync(paymentId, order.Admin);
        Assert.Equal(("refunded", order.Total), (payment.GetProperty("status").GetString(), payment.GetProperty("refunded").GetDecimal()));
        Assert.Equal(2, payment.GetProperty("refunds").GetArrayLength());
        var refundIds = await factory.WithDbAsync(db => db.Refunds.Where(r => r.PaymentId == paymentId).Select(r => r.GatewayRefundId!).ToListAsync());
        Assert.Equal(2, refundIds.Count);
        Assert.All(refundIds, id => Assert.Equal(intentId, factory.Stripe.Get(id)!.Text("payment_intent")));
        Assert.Equal([1000L, (long)((order.Total - 10.00m) * 100)], refundIds.Select(id => factory.Stripe.Get(id)!["amount"]!.GetValue<long>()).Order().ToArray());
        var events = await factory.EventsAsync("payments.payment-refunded.v1", order.Id);
        Assert.Equal([false, true], events.Select(e => e.GetProperty("fullyRefunded").GetBoolean()).Order().ToArray());
        await Shoppers.EventuallyAsync(async () => await _client.OrderStatusAsync(order) == "refunded", "the order to be refunded");

        // Stripe's charge.refunded (about the charge of the PaymentIntent) is acknowledged and counts nothing twice.
        var charge = new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = "ch_test_" + paymentId.ToString("N"),
            ["object"] = "charge",
            ["amount"] = (long)(order.Total * 100),
            ["amount_refunded"] = (long)(order.Total * 100),
            ["currency"] = "usd",
            ["payment_intent"] = intentId,
            ["refunded"] = true,
            ["status"] = "succeeded",
            ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["mercato_payment_id"] = paymentId.ToString() },
        };
        var refundedEvent = FakeStripe.Event("charge.refunded", charge);
        using var delivered = await FakeStripe.SendAsync(_client, refundedEvent, FakeStripe.Signature(refundedEvent, factory.Clock.GetUtcNow()));
        await delivered.ExpectAsync(HttpStatusCode.OK);
        Assert.True((await delivered.ReadJsonAsync()).GetProperty("data").GetProperty("applied").GetBoolean());
        Assert.Equal(2, (await factory.EventsAsync("payments.payment-refunded.v1", order.Id)).Count);
        Assert.Equal(("refunded", order.Total), ((await _client.PaymentAsync(paymentId, order.Admin)).GetProperty("status").GetString(), (await _client.PaymentAsync(paymentId, order.Admin)).GetProperty("captured").GetDecimal()));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteStripeSavedCardTests(StripePaymentsFactory factory) : StripeSavedCardTests<StripePaymentsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresStripeSavedCardTests(PostgresStripePaymentsFactory factory) : StripeSavedCardTests<PostgresStripePaymentsFactory>(factory);
