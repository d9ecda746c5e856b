using System.Net;
using Mercato.Payments.Ledger;
using Mercato.Payments.Reconciliation;
using Mercato.Payments.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Payments.Tests.Stripe;

/// <summary>Hosted checkout through Stripe: Checkout Sessions, Stripe-signed webhooks, replays, and reconciliation against Stripe's list of PaymentIntents, on one provider.</summary>
public abstract class StripeCheckoutTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : StripePaymentsFactory
{
    private readonly HttpClient _client = factory.CreateClient();
    private readonly HttpClient _browser = factory.Browser();

    [Fact]
    public async Task A_checkout_session_paid_at_Stripe_is_completed_by_its_signed_webhook_once()
    {
        var order = await _client.CustomerOrderAsync(price: 19.99m, quantity: 3);
        var session = await _client.StripeSessionAsync(order);
        var paymentId = session.GetProperty("paymentId").GetGuid();
        Assert.Equal("stripe", session.GetProperty("gateway").GetString());
        Assert.StartsWith(factory.Stripe.Url + "/c/pay/cs_", session.GetProperty("checkoutUrl").GetString(), StringComparison.Ordinal);

        // What Stripe was asked for: the order's total in cents, Mercato's payment as reference, Mercato's return endpoint.
        var stripeSessionId = StripeShoppers.StripeSessionId(session);
        var opened = factory.Stripe.Get(stripeSessionId)!;
        Assert.Equal((long)(order.Total * 100), opened["amount_total"]!.GetValue<long>());
        Assert.Equal(("usd", "payment", paymentId.ToString()), (opened.Text("currency"), opened.Text("mode"), opened.Text("client_reference_id")));
        Assert.Equal(paymentId.ToString(), opened["metadata"]!["mercato_payment_id"]!.GetValue<string>());
        var returnUrl = $"/api/v1/payments/checkout-sessions/{session.GetProperty("sessionId").GetGuid()}/return";
        Assert.EndsWith(returnUrl, opened.Text("success_url"), StringComparison.Ordinal);
        // Mercato's session lasts 30 minutes; Stripe wants at least 30 minutes from its own creation, so its page gets 31.
        Assert.Equal(factory.Clock.GetUtcNow().AddMinutes(30), new DateTimeOffset(session.GetProperty("expiresAt").GetDateTime()), TimeSpan.FromSeconds(1));
        Assert.Equal(factory.Clock.GetUtcNow().AddMinutes(31).ToUnixTimeSeconds(), opened["expires_at"]!.GetValue<long>());

        var completed = factory.Stripe.PaySession(stripeSessionId);
        Assert.Equal("pending", (await _client.PaymentAsync(paymentId, order.Token)).GetProperty("status").GetString());

        var eventId = "evt_completed_" + paymentId.ToString("N");
        var body = FakeStripe.Event("checkout.session.completed", completed, eventId);
        using var delivered = await FakeStripe.SendAsync(_client, body, FakeStripe.Signature(body, factory.Clock.GetUtcNow()));
        await delivered.ExpectAsync(HttpStatusCode.OK);
        Assert.True((await delivered.ReadJsonAsync()).GetProperty("data").GetProperty("applied").GetBoolean());

        var intentId = completed.Text("payment_intent")!;
        var payment = await _client.PaymentAsync(paymentId, order.Admin);
        Assert.Equal(("succeeded", order.Total, "visa", "4242"), (
            payment.GetProperty("status").GetString(), payment.GetProperty("captured").GetDecimal(), payment.GetProperty("brand").GetString(), payment.GetProperty("last4").GetString()));
        Assert.Equal(intentId, await factory.WithDbAsync(db => db.Transactions.Where(t => t.PaymentId == paymentId && t.Kind == TransactionKind.Captured).Select(t => t.GatewayReference).SingleAsync()));
        var succeeded = Assert.Single(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
        Assert.Equal((intentId, order.Total), (succeeded.GetProperty("paymentIntentId").GetString(), succeeded.GetProperty("amount").GetDecimal()));
        await Shoppers.EventuallyAsync(async () => await _client.OrderStatusAsync(order) == "paid", "the order to be paid");

        // The same event again (Stripe retries), then the browser's return: nothing more is recorded or published.
        using var replayed = await FakeStripe.SendAsync(_client, body, FakeStripe.Signature(body, factory.Clock.GetUtcNow()));
        await replayed.ExpectAsync(HttpStatusCode.OK);
        using var back = await _browser.GetAsync(returnUrl);
        Assert.Equal(HttpStatusCode.SeeOther, back.StatusCode);
        Assert.Equal("https://shop.example/paid", back.Headers.Location!.GetLeftPart(UriPartial.Path));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Transactions.CountAsync(t => t.PaymentId == paymentId && t.Kind == TransactionKind.Captured)));
        Assert.Single(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
        Assert.Equal(1, await factory.WithDbAsync(db => db.GatewayEvents.CountAsync(e => e.Gateway == "stripe" && e.EventId == eventId && e.Type == "checkout.session.completed")));
    }

    [Fact]
    public async Task A_missing_wrong_expired_or_tampered_Stripe_signature_is_400_and_changes_nothing()
    {
        var order = await _client.CustomerOrderAsync();
        var session = await _client.StripeSessionAsync(order);
        var paymentId = session.GetProperty("paymentId").GetGuid();
        var completed = factory.Stripe.PaySession(StripeShoppers.StripeSessionId(session));
        var eventId = "evt_forged_" + paymentId.ToString("N");
        var body = FakeStripe.Event("checkout.session.completed", completed, eventId);
        var now = factory.Clock.GetUtcNow();

        foreach (var (what, sent, signature) in new (string, string, string?)[]
        {
            ("missing", body, null),
            ("empty", body, string.Empty),
            ("not Stripe's format", body, "v1,abc"),
            ("another secret", body, FakeStripe.Signature(body, now, "whsec_someone_else_entirely_0000000")),
            ("older than 300 s", body, FakeStripe.Signature(body, now.AddSeconds(-301))),
            ("from the future beyond 300 s", body, FakeStripe.Signature(body, now.AddSeconds(301))),
            ("a body changed after signing", body.Replace("\"livemode\":false", "\"livemode\":true", StringComparison.Ordinal), FakeStripe.Signature(body, now)),
        })
        {
            using var refused = await FakeStripe.SendAsync(_client, sent, signature);
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)refused.StatusCode}");
            var error = await refused.ReadErrorAsync();
            Assert.Equal(["INVALID_SIGNATURE"], error.ErrorCodes());
            Assert.Equal(["webhook-signature"], error.ErrorFields());
        }

        Assert.Equal("pending", (await _client.PaymentAsync(paymentId, order.Token)).GetProperty("status").GetString());
        Assert.Equal(0, await factory.WithDbAsync(db => db.GatewayEvents.CountAsync(e => e.EventId == eventId)));
        Assert.Empty(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));

        // Stripe may send several v1 signatures (while a secret is rolled): one that matches is enough, at the edge of the tolerance.
        var valid = FakeStripe.Signature(body, now.AddSeconds(-299));
        var rolled = valid.Replace(",v1=", ",v1=" + new string('0', 64) + ",v1=", StringComparison.Ordinal);
        using var accepted = await FakeStripe.SendAsync(_client, body, rolled);
        await accepted.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("succeeded", (await _client.PaymentAsync(paymentId, order.Token)).GetProperty("status").GetString());
        Assert.Equal(1, await factory.WithDbAsync(db => db.GatewayEvents.CountAsync(e => e.EventId == eventId)));
    }

    [Fact]
    public async Task A_replayed_payment_intent_event_changes_nothing_and_an_event_of_another_shop_is_acknowledged()
    {
        var order = await _client.CustomerOrderAsync();
        var session = await _client.StripeSessionAsync(order);
        var paymentId = session.GetProperty("paymentId").GetGuid();
        var completed = factory.Stripe.PaySession(StripeShoppers.StripeSessionId(session));
        var intent = factory.Stripe.Get(completed.Text("payment_intent")!)!;
        var body = FakeStripe.Event("payment_intent.succeeded", intent);

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var response = await FakeStripe.SendAsync(_client, body, FakeStripe.Signature(body, factory.Clock.GetUtcNow()));
            return response.StatusCode;
        }));

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Transactions.CountAsync(t => t.PaymentId == paymentId && t.Kind == TransactionKind.Captured)));
        Assert.Single(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));

        // A PaymentIntent Mercato never made (another integration on the same account): acknowledged, nothing applied.
        intent["id"] = "pi_test_not_ours";
        intent["metadata"] = new System.Text.Json.Nodes.JsonObject();
        var foreign = FakeStripe.Event("payment_intent.succeeded", intent);
        using var other = await FakeStripe.SendAsync(_client, foreign, FakeStripe.Signature(foreign, factory.Clock.GetUtcNow()));
        await other.ExpectAsync(HttpStatusCode.OK);
        Assert.False((await other.ReadJsonAsync()).GetProperty("data").GetProperty("applied").GetBoolean());
    }

    [Fact]
    public async Task Reconciliation_records_a_capture_Stripe_made_but_Mercato_missed()
    {
        var order = await _client.CustomerOrderAsync();
        var session = await _client.StripeSessionAsync(order);
        var paymentId = session.GetProperty("paymentId").GetGuid();

        // Stripe captured; the browser never came back and the webhook was lost (the process died before its commit).
        factory.Stripe.PaySession(StripeShoppers.StripeSessionId(session));
        Assert.Equal("pending", (await _client.PaymentAsync(paymentId, order.Token)).GetProperty("status").GetString());

        var reconciliation = factory.Services.GetRequiredService<PaymentReconciliation>();
        Assert.True(await reconciliation.ReconcileAsync(CancellationToken.None) >= 1);

        var payment = await _client.PaymentAsync(paymentId, order.Admin);
        Assert.Equal(("succeeded", order.Total), (payment.GetProperty("status").GetString(), payment.GetProperty("captured").GetDecimal()));
        Assert.Single(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
        await Shoppers.EventuallyAsync(async () => await _client.OrderStatusAsync(order) == "paid", "the order to be paid");

        await reconciliation.ReconcileAsync(CancellationToken.None);
        Assert.Single(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Transactions.CountAsync(t => t.PaymentId == paymentId && t.Kind == TransactionKind.Captured)));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteStripeCheckoutTests(StripePaymentsFactory factory) : StripeCheckoutTests<StripePaymentsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresStripeCheckoutTests(PostgresStripePaymentsFactory factory) : StripeCheckoutTests<PostgresStripePaymentsFactory>(factory);
