using System.Net;
using Mercato.Payments.Gateways;
using Mercato.Payments.Ledger;
using Mercato.Payments.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Payments.Tests.Stripe;

/// <summary>
/// Manual capture on Stripe: the gateway authorises (<c>capture_method=manual</c>), captures with
/// <c>amount_to_capture</c> and voids by cancelling the PaymentIntent, and Stripe's
/// <c>payment_intent.amount_capturable_updated</c> records the authorisation. The capture
/// endpoints are not in this module yet, so the gateway is driven directly, over real HTTP to the fake.
/// </summary>
public abstract class StripeManualCaptureTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : StripePaymentsFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_manual_session_is_authorised_then_partly_captured_once_per_key()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var stripe = scope.ServiceProvider.GetRequiredService<PaymentGateways>().Get("stripe");
        var paymentId = Guid.CreateVersion7();

        var session = await stripe.CreateSessionAsync(
            new SessionRequest(paymentId, 12.50m, "USD", "https://mercato.example/return", DateTime.UtcNow.AddHours(1), "Order M-1", null, ManualCapture: true),
            CancellationToken.None);
        var paid = factory.Stripe.PaySession(session.SessionId);
        var intentId = paid.Text("payment_intent")!;
        Assert.Equal(("manual", "requires_capture"), (factory.Stripe.Get(intentId)!.Text("capture_method"), factory.Stripe.Get(intentId)!.Text("status")));

        var authorised = await stripe.GetSessionChargeAsync(session.SessionId, CancellationToken.None);
        Assert.Equal((ChargeState.Authorized, 12.50m, "USD", (Guid?)paymentId), (authorised!.State, authorised.Amount, authorised.Currency, authorised.Reference));

        var captured = await stripe.CaptureAsync(intentId, 10.00m, "USD", "capture-" + paymentId, CancellationToken.None);
        Assert.Equal((ChargeState.Succeeded, 10.00m), (captured.State, captured.Amount));
        Assert.Equal(1000L, factory.Stripe.Get(intentId)!["amount_received"]!.GetValue<long>());

        // The same key again is Stripe's replay of the first capture, not a second one.
        var writes = factory.Stripe.Writes;
        var again = await stripe.CaptureAsync(intentId, 10.00m, "USD", "capture-" + paymentId, CancellationToken.None);
        Assert.Equal((ChargeState.Succeeded, 10.00m), (again.State, again.Amount));
        Assert.Equal(writes, factory.Stripe.Writes);
    }

    [Fact]
    public async Task A_manual_charge_of_a_saved_card_is_authorised_and_voided_at_Stripe()
    {
        var (userId, email, _) = await _client.RegisterCustomerAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var gateways = scope.ServiceProvider.GetRequiredService<PaymentGateways>();
        var stripe = gateways.Get("stripe");
        var card = await stripe.SaveCardAsync("tok_visa", new CardOwner(userId, email), CancellationToken.None);
        var paymentId = Guid.CreateVersion7();

        var authorised = await stripe.ChargeAsync(
            new ChargeRequest(paymentId, card.MethodId, 20.00m, "USD", "https://mercato.example/return", "charge-" + paymentId, ManualCapture: true), CancellationToken.None);
        Assert.Equal((ChargeState.Authorized, 20.00m, "visa"), (authorised.State, authorised.Amount, authorised.Brand));
        Assert.Equal(("manual", "requires_capture", 2000L), (
            factory.Stripe.Get(authorised.ChargeId)!.Text("capture_method"), factory.Stripe.Get(authorised.ChargeId)!.Text("status"),
            factory.Stripe.Get(authorised.ChargeId)!["amount_capturable"]!.GetValue<long>()));

        var voided = await stripe.VoidAsync(authorised.ChargeId, CancellationToken.None);
        Assert.Equal(ChargeState.Canceled, voided.State);
        Assert.Equal("canceled", factory.Stripe.Get(authorised.ChargeId)!.Text("status"));
    }

    [Fact]
    public async Task Stripes_amount_capturable_updated_webhook_records_the_authorisation_once_and_publishes_nothing()
    {
        var order = await _client.CustomerOrderAsync();
        var session = await _client.StripeSessionAsync(order);
        var paymentId = session.GetProperty("paymentId").GetGuid();
        var paid = factory.Stripe.PaySession(StripeShoppers.StripeSessionId(session), manualCapture: true);
        var intent = factory.Stripe.Get(paid.Text("payment_intent")!)!;
        var body = FakeStripe.Event("payment_intent.amount_capturable_updated", intent);

        for (var delivery = 0; delivery < 2; delivery++)
        {
            using var delivered = await FakeStripe.SendAsync(_client, body, FakeStripe.Signature(body, factory.Clock.GetUtcNow()));
            await delivered.ExpectAsync(HttpStatusCode.OK);
        }

        var payment = await _client.PaymentAsync(paymentId, order.Admin);
        Assert.Equal(("authorized", 0m), (payment.GetProperty("status").GetString(), payment.GetProperty("captured").GetDecimal()));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Transactions.CountAsync(t => t.PaymentId == paymentId && t.Kind == TransactionKind.Authorized)));
        Assert.Empty(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
        Assert.Equal("pending", await _client.OrderStatusAsync(order));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteStripeManualCaptureTests(StripePaymentsFactory factory) : StripeManualCaptureTests<StripePaymentsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresStripeManualCaptureTests(PostgresStripePaymentsFactory factory) : StripeManualCaptureTests<PostgresStripePaymentsFactory>(factory);
