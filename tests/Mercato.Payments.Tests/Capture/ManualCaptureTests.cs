using System.Net;
using Mercato.Payments.Gateways;
using Mercato.Payments.Reconciliation;
using Mercato.Payments.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Payments.Tests.Capture;

/// <summary>
/// Manual capture (<c>Payments:CaptureMethod</c> = <c>manual</c>) on one provider: paying only
/// authorises, the order is held (not paid, not expired), and an administrator captures all or
/// part of the money, or releases it.
/// </summary>
public abstract class ManualCaptureTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : ManualCaptureFactory
{
    private readonly HttpClient _client = factory.CreateClient();
    private readonly HttpClient _browser = factory.Browser();

    [Fact]
    public async Task A_partial_capture_takes_part_releases_the_rest_and_pays_the_order_without_a_refund()
    {
        var (order, paymentId) = await _client.AuthorisedOrderAsync();
        var part = order.Total - 20.00m;

        using var captured = await _client.CaptureAsync(order.Admin, paymentId, part);
        await captured.ExpectAsync(HttpStatusCode.OK);
        var data = (await captured.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(("succeeded", part, 0m), (data.GetProperty("status").GetString(), data.GetProperty("captured").GetDecimal(), data.GetProperty("refunded").GetDecimal()));
        Assert.Equal((ChargeState.Succeeded, part), await factory.SandboxChargeAsync(paymentId));
        Assert.Equal(part, Assert.Single(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id)).GetProperty("amount").GetDecimal());

        await Shoppers.EventuallyAsync(async () => (await _client.OrderAsync(order.Id, order.Admin)).GetProperty("status").GetString() == "paid", "the order to be paid");
        await Shoppers.EventuallyAsync(
            async () => Shoppers.NotesOf(await _client.OrderAsync(order.Id, order.Admin)).Contains($"Partial capture: {part:0.00} of {order.Total:0.00} taken, the rest released"),
            "the partial capture in the order's history");

        // Not mistaken for an amount mismatch: nothing is given back, and at most the capture can be refunded.
        Assert.Empty((await _client.PaymentAsync(paymentId, order.Admin)).GetProperty("refunds").EnumerateArray());
        Assert.Empty(await factory.EventsAsync("payments.payment-refunded.v1", order.Id));
        using var tooMuch = await _client.RefundAsync(order.Admin, paymentId, part + 0.01m);
        await tooMuch.ExpectAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Cancel_releases_the_money_the_order_awaits_payment_again_and_a_capture_after_it_is_refused()
    {
        var (order, paymentId) = await _client.AuthorisedOrderAsync();
        await Shoppers.EventuallyAsync(
            async () => Shoppers.NotesOf(await _client.OrderAsync(order.Id, order.Admin)).Any(n => n.StartsWith("Payment authorised", StringComparison.Ordinal)),
            "the authorisation in the order's history");

        using var cancelled = await _client.CancelPaymentAsync(order.Admin, paymentId);
        await cancelled.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("cancelled", (await cancelled.ReadJsonAsync()).GetProperty("data").GetProperty("status").GetString());
        Assert.Equal(["authorized", "cancelled"], await _client.LedgerKindsAsync(paymentId, order.Admin));
        Assert.Equal(ChargeState.Canceled, (await factory.SandboxChargeAsync(paymentId)).State);
        var failed = Assert.Single(await factory.EventsAsync("payments.payment-failed.v1", order.Id));
        Assert.Equal("authorization_voided", failed.GetProperty("reason").GetString());
        await Shoppers.EventuallyAsync(
            async () => Shoppers.NotesOf(await _client.OrderAsync(order.Id, order.Admin)).Any(n => n.StartsWith("Payment authorisation released", StringComparison.Ordinal)),
            "the release in the order's history");
        Assert.Equal("pending", (await _client.OrderAsync(order.Id, order.Admin)).GetProperty("status").GetString());

        using var capture = await _client.CaptureAsync(order.Admin, paymentId, null);
        await capture.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(["PAYMENT_NOT_AUTHORIZED"], (await capture.ReadErrorAsync()).ErrorCodes());
        using var again = await _client.CancelPaymentAsync(order.Admin, paymentId);
        await again.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(["PAYMENT_NOT_AUTHORIZED"], (await again.ReadErrorAsync()).ErrorCodes());

        Assert.Equal(["authorized", "cancelled"], await _client.LedgerKindsAsync(paymentId, order.Admin));
        Assert.Equal(ChargeState.Canceled, (await factory.SandboxChargeAsync(paymentId)).State);
        Assert.Empty(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
    }

    [Fact]
    public async Task Ten_parallel_captures_capture_once_and_a_repeated_key_replays_the_first()
    {
        var (order, paymentId) = await _client.AuthorisedOrderAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await _client.CaptureAsync(order.Admin, paymentId, null);
            return response.StatusCode;
        }));

        Assert.Equal(1, answers.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(9, answers.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(["authorized", "captured"], await _client.LedgerKindsAsync(paymentId, order.Admin));
        Assert.Single(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
        Assert.Equal((ChargeState.Succeeded, order.Total), await factory.SandboxChargeAsync(paymentId));

        var (second, secondPayment) = await _client.AuthorisedOrderAsync();
        using var first = await _client.CaptureAsync(second.Admin, secondPayment, 10.00m, "capture-key-1");
        using var replay = await _client.CaptureAsync(second.Admin, secondPayment, 10.00m, "capture-key-1");
        await first.ExpectAsync(HttpStatusCode.OK);
        await replay.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(10.00m, (await replay.ReadJsonAsync()).GetProperty("data").GetProperty("captured").GetDecimal());
        Assert.Equal(["authorized", "captured"], await _client.LedgerKindsAsync(secondPayment, second.Admin));
        Assert.Single(await factory.EventsAsync("payments.payment-succeeded.v1", second.Id));
    }

    [Fact]
    public async Task Only_administrators_capture_or_cancel_bad_amounts_are_400_and_change_nothing()
    {
        var (order, paymentId) = await _client.AuthorisedOrderAsync();

        foreach (var call in new Func<string?, Guid, Task<HttpResponseMessage>>[] { (t, id) => _client.CaptureAsync(t, id, null), (t, id) => _client.CancelPaymentAsync(t, id) })
        {
            using var anonymous = await call(null, paymentId);
            await anonymous.ExpectAsync(HttpStatusCode.Unauthorized);
            using var customer = await call(order.Token, paymentId);
            await customer.ExpectAsync(HttpStatusCode.Forbidden);
            using var unknown = await call(order.Admin, Guid.NewGuid());
            await unknown.ExpectAsync(HttpStatusCode.NotFound);
        }

        foreach (var (amount, code) in new[] { (0m, "VALIDATION_ERROR"), (-5m, "VALIDATION_ERROR"), (1.234m, "VALIDATION_ERROR"), (order.Total + 0.01m, "CAPTURE_EXCEEDS_AUTHORIZED") })
        {
            using var bad = await _client.CaptureAsync(order.Admin, paymentId, amount);
            await bad.ExpectAsync(HttpStatusCode.BadRequest);
            var error = await bad.ReadErrorAsync();
            Assert.Equal(["amount"], error.ErrorFields());
            Assert.Equal([code], error.ErrorCodes());
        }

        var payment = await _client.PaymentAsync(paymentId, order.Admin);
        Assert.Equal(("authorized", order.Total, 0m), (payment.GetProperty("status").GetString(), payment.GetProperty("authorized").GetDecimal(), payment.GetProperty("captured").GetDecimal()));
        Assert.Equal((ChargeState.Authorized, order.Total), await factory.SandboxChargeAsync(paymentId));
        Assert.Empty(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));

        // A payment that holds nothing (a session not paid yet) cannot be captured.
        var pending = await _client.CustomerOrderAsync();
        var session = await _client.SessionAsync(pending);
        using var notAuthorised = await _client.CaptureAsync(order.Admin, session.GetProperty("paymentId").GetGuid(), null);
        await notAuthorised.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(["PAYMENT_NOT_AUTHORIZED"], (await notAuthorised.ReadErrorAsync()).ErrorCodes());
    }

    [Fact]
    public async Task The_hosted_page_authorises_with_or_without_a_challenge_and_the_sandbox_webhook_for_it_is_applied_once()
    {
        var order = await _client.CustomerOrderAsync();
        var session = await _client.SessionAsync(order);
        var paymentId = session.GetProperty("paymentId").GetGuid();
        using var paid = await _browser.PayOnPageAsync(session.GetProperty("checkoutUrl").GetString()!, "4242424242424242");
        using var back = await _browser.FollowAsync(paid);
        Assert.Equal(HttpStatusCode.SeeOther, back.StatusCode);
        Assert.Contains("status=success", back.Headers.Location!.Query, StringComparison.Ordinal);

        var payment = await _client.PaymentAsync(paymentId, order.Token);
        Assert.Equal(("authorized", order.Total), (payment.GetProperty("status").GetString(), payment.GetProperty("authorized").GetDecimal()));
        Assert.Equal((ChargeState.Authorized, order.Total), await factory.SandboxChargeAsync(paymentId));

        // The sandbox signs and sends charge.authorized a little later; it is applied once and adds nothing.
        var text = paymentId.ToString();
        for (var i = 0; i < 5; i++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await Shoppers.EventuallyAsync(
            () => factory.WithDbAsync(db => db.SandboxWebhooks.AnyAsync(w => w.Type == "charge.authorized" && w.Payload.Contains(text) && w.DeliveredAt != null)),
            "the charge.authorized webhook to be delivered");
        var eventId = await factory.WithDbAsync(db => db.SandboxWebhooks.Where(w => w.Type == "charge.authorized" && w.Payload.Contains(text)).Select(w => w.Id).SingleAsync());
        Assert.Equal(1, await factory.WithDbAsync(db => db.GatewayEvents.CountAsync(e => e.EventId == eventId && e.Type == "charge.authorized")));
        Assert.Equal(["authorized"], await _client.LedgerKindsAsync(paymentId, order.Admin));
        Assert.Single(await factory.EventsAsync("payments.payment-authorized.v1", order.Id));

        // A card that asks for a challenge is authorised, not charged, once the shopper passes it.
        var challenged = await _client.CustomerOrderAsync();
        var challengeSession = await _client.SessionAsync(challenged);
        using var challenge = await _browser.PayOnPageAsync(challengeSession.GetProperty("checkoutUrl").GetString()!, "4000002500003155");
        Assert.Contains("/sandbox-pay/challenge/", challenge.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        using var approved = await _browser.PostAsync(
            challenge.Headers.Location!.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "approve" }));
        using var returned = await _browser.FollowAsync(approved);
        var challengedPayment = challengeSession.GetProperty("paymentId").GetGuid();
        Assert.Equal("authorized", (await _client.PaymentAsync(challengedPayment, challenged.Token)).GetProperty("status").GetString());
        Assert.Equal((ChargeState.Authorized, challenged.Total), await factory.SandboxChargeAsync(challengedPayment));
    }

    [Fact]
    public async Task Reconciliation_records_a_missed_authorisation_and_releases_the_money_held_for_an_order_cancelled_meanwhile()
    {
        var order = await _client.CustomerOrderAsync();
        var session = await _client.SessionAsync(order);
        var paymentId = session.GetProperty("paymentId").GetGuid();
        var reconciliation = factory.Services.GetRequiredService<PaymentReconciliation>();

        // The gateway authorises; the browser never returns and no webhook comes (the clock does not reach its delay).
        using var paid = await _browser.PayOnPageAsync(session.GetProperty("checkoutUrl").GetString()!, "4242424242424242");
        Assert.Equal(HttpStatusCode.SeeOther, paid.StatusCode);
        Assert.Equal("pending", (await _client.PaymentAsync(paymentId, order.Token)).GetProperty("status").GetString());

        Assert.True(await reconciliation.ReconcileAsync(CancellationToken.None) >= 1);
        Assert.Equal("authorized", (await _client.PaymentAsync(paymentId, order.Token)).GetProperty("status").GetString());
        await reconciliation.ReconcileAsync(CancellationToken.None);
        Assert.Single(await factory.EventsAsync("payments.payment-authorized.v1", order.Id));

        // The shopper cancels the order while its money is held: it can no longer be captured, and reconciliation releases it.
        using var cancelled = await _client.CallAsync(HttpMethod.Post, $"/api/v1/orders/{order.Id}/cancel", order.Token, new { reason = "Changed my mind" });
        await cancelled.ExpectAsync(HttpStatusCode.OK);
        await Shoppers.EventuallyAsync(() => factory.WithDbAsync(db => db.CancelledOrders.AnyAsync(c => c.OrderId == order.Id)), "Payments to learn of the cancellation");
        using var capture = await _client.CaptureAsync(order.Admin, paymentId, null);
        await capture.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(["ORDER_NOT_PAYABLE"], (await capture.ReadErrorAsync()).ErrorCodes());
        Assert.Equal(ChargeState.Authorized, (await factory.SandboxChargeAsync(paymentId)).State);

        await reconciliation.ReconcileAsync(CancellationToken.None);
        Assert.Equal(["authorized", "cancelled"], await _client.LedgerKindsAsync(paymentId, order.Admin));
        Assert.Equal(ChargeState.Canceled, (await factory.SandboxChargeAsync(paymentId)).State);
        Assert.Single(await factory.EventsAsync("payments.payment-failed.v1", order.Id));
        Assert.Empty(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteManualCaptureTests(ManualCaptureFactory factory) : ManualCaptureTests<ManualCaptureFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresManualCaptureTests(PostgresManualCaptureFactory factory) : ManualCaptureTests<PostgresManualCaptureFactory>(factory);
