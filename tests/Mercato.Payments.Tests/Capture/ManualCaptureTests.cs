using System.Net;
using System.Text.Json;
using Mercato.Payments.Gateways;
using Mercato.Payments.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Payments.Tests.Capture;

/// <summary>
/// Manual capture (<c>Payments:CaptureMethod</c> = <c>manual</c>) on one provider: paying only
/// authorises, the order is held (not paid, not expired), and an administrator captures all or
/// part of the money, or releases it. (A fixture of its own: one test moves the clock past the
/// payment window.)
/// </summary>
public abstract class ManualCaptureTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : ManualCaptureFactory
{
    private readonly HttpClient _client = factory.CreateClient();
    private readonly HttpClient _browser = factory.Browser();

    [Fact]
    public async Task Process_only_authorises_the_order_outlives_its_payment_window_and_the_capture_pays_it_and_sells_the_stock()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.CreateProductAsync(admin, 25.00m, 10);
        var order = await _client.CustomerOrderAsync(productId: product);
        var unpaid = await _client.CustomerOrderAsync();
        var method = await _client.SaveCardAsync(order.Token!);

        using var processed = await _client.ProcessAsync(order, method);
        await processed.ExpectAsync(HttpStatusCode.OK);
        var body = await processed.ReadJsonAsync();
        var data = body.GetProperty("data");
        Assert.Equal(("authorized", order.Total, 0m), (data.GetProperty("status").GetString(), data.GetProperty("authorized").GetDecimal(), data.GetProperty("captured").GetDecimal()));
        Assert.Contains("authorised", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        var paymentId = data.GetProperty("id").GetGuid();

        // The provider holds the money; the ledger says so; PaymentAuthorized went out, PaymentSucceeded did not.
        Assert.Equal((ChargeState.Authorized, order.Total), await ChargeAsync(paymentId));
        Assert.Equal(["authorized"], await KindsAsync(paymentId, order.Admin));
        var authorized = Assert.Single(await factory.EventsAsync("payments.payment-authorized.v1", order.Id));
        Assert.Equal(order.Total, authorized.GetProperty("amount").GetDecimal());
        Assert.Empty(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));

        // Ordering records the authorisation and keeps the order pending.
        await Shoppers.EventuallyAsync(
            async () => Shoppers.NotesOf(await _client.OrderAsync(order.Id, order.Token!)).Any(n => n.StartsWith("Payment authorised", StringComparison.Ordinal)),
            "the authorisation in the order's history");
        Assert.Equal("pending", (await _client.OrderAsync(order.Id, order.Token!)).GetProperty("status").GetString());

        // Past the 30-minute payment window the sweep cancels the unpaid order, not the authorised one.
        // (Tokens issued before the jump stay valid: the bearer check runs on the real clock.)
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        await Shoppers.EventuallyAsync(async () => (await _client.OrderAsync(unpaid.Id, admin)).GetProperty("status").GetString() == "cancelled", "the unpaid order to expire");
        Assert.Equal("pending", (await _client.OrderAsync(order.Id, admin)).GetProperty("status").GetString());

        using var captured = await CaptureAsync(admin, paymentId, null);
        await captured.ExpectAsync(HttpStatusCode.OK);
        var capture = (await captured.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(("succeeded", order.Total, 0m), (capture.GetProperty("status").GetString(), capture.GetProperty("captured").GetDecimal(), capture.GetProperty("authorized").GetDecimal()));
        Assert.Equal(["authorized", "captured"], await KindsAsync(paymentId, order.Admin));
        Assert.Equal((ChargeState.Succeeded, order.Total), await ChargeAsync(paymentId));
        var succeeded = Assert.Single(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
        Assert.Equal(order.Total, succeeded.GetProperty("amount").GetDecimal());

        await Shoppers.EventuallyAsync(async () => (await _client.OrderAsync(order.Id, admin)).GetProperty("status").GetString() == "paid", "the order to be paid");
        await Shoppers.EventuallyAsync(async () => (await LatestStockMoveAsync(admin, product)).GetProperty("kind").GetString() == "commit", "the stock to be sold");
        var sold = await LatestStockMoveAsync(admin, product);
        Assert.Equal((order.Id, 8, 0), (sold.GetProperty("orderId").GetGuid(), sold.GetProperty("onHandAfter").GetInt32(), sold.GetProperty("reservedAfter").GetInt32()));
    }

    [Fact]
    public async Task A_partial_capture_takes_part_releases_the_rest_and_pays_the_order_without_a_refund()
    {
        var (order, paymentId) = await AuthorisedAsync();
        var part = order.Total - 20.00m;

        using var captured = await CaptureAsync(order.Admin, paymentId, part);
        await captured.ExpectAsync(HttpStatusCode.OK);
        var data = (await captured.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(("succeeded", part, 0m), (data.GetProperty("status").GetString(), data.GetProperty("captured").GetDecimal(), data.GetProperty("refunded").GetDecimal()));
        Assert.Equal((ChargeState.Succeeded, part), await ChargeAsync(paymentId));
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
        var (order, paymentId) = await AuthorisedAsync();
        await Shoppers.EventuallyAsync(
            async () => Shoppers.NotesOf(await _client.OrderAsync(order.Id, order.Admin)).Any(n => n.StartsWith("Payment authorised", StringComparison.Ordinal)),
            "the authorisation in the order's history");

        using var cancelled = await CancelAsync(order.Admin, paymentId);
        await cancelled.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("cancelled", (await cancelled.ReadJsonAsync()).GetProperty("data").GetProperty("status").GetString());
        Assert.Equal(["authorized", "cancelled"], await KindsAsync(paymentId, order.Admin));
        Assert.Equal(ChargeState.Canceled, (await ChargeAsync(paymentId)).State);
        var failed = Assert.Single(await factory.EventsAsync("payments.payment-failed.v1", order.Id));
        Assert.Equal("authorization_voided", failed.GetProperty("reason").GetString());
        await Shoppers.EventuallyAsync(
            async () => Shoppers.NotesOf(await _client.OrderAsync(order.Id, order.Admin)).Any(n => n.StartsWith("Payment authorisation released", StringComparison.Ordinal)),
            "the release in the order's history");
        Assert.Equal("pending", (await _client.OrderAsync(order.Id, order.Admin)).GetProperty("status").GetString());

        using var capture = await CaptureAsync(order.Admin, paymentId, null);
        await capture.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(["PAYMENT_NOT_AUTHORIZED"], (await capture.ReadErrorAsync()).ErrorCodes());
        using var again = await CancelAsync(order.Admin, paymentId);
        await again.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(["PAYMENT_NOT_AUTHORIZED"], (await again.ReadErrorAsync()).ErrorCodes());

        Assert.Equal(["authorized", "cancelled"], await KindsAsync(paymentId, order.Admin));
        Assert.Equal(ChargeState.Canceled, (await ChargeAsync(paymentId)).State);
        Assert.Empty(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
    }

    [Fact]
    public async Task Ten_parallel_captures_capture_once_and_a_repeated_key_replays_the_first()
    {
        var (order, paymentId) = await AuthorisedAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await CaptureAsync(order.Admin, paymentId, null);
            return response.StatusCode;
        }));

        Assert.Equal(1, answers.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(9, answers.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(["authorized", "captured"], await KindsAsync(paymentId, order.Admin));
        Assert.Single(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
        Assert.Equal((ChargeState.Succeeded, order.Total), await ChargeAsync(paymentId));

        var (second, secondPayment) = await AuthorisedAsync();
        using var first = await CaptureAsync(second.Admin, secondPayment, 10.00m, "capture-key-1");
        using var replay = await CaptureAsync(second.Admin, secondPayment, 10.00m, "capture-key-1");
        await first.ExpectAsync(HttpStatusCode.OK);
        await replay.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(10.00m, (await replay.ReadJsonAsync()).GetProperty("data").GetProperty("captured").GetDecimal());
        Assert.Equal(["authorized", "captured"], await KindsAsync(secondPayment, second.Admin));
        Assert.Single(await factory.EventsAsync("payments.payment-succeeded.v1", second.Id));
    }

    [Fact]
    public async Task Only_administrators_capture_or_cancel_bad_amounts_are_400_and_change_nothing()
    {
        var (order, paymentId) = await AuthorisedAsync();

        foreach (var call in new Func<string?, Guid, Task<HttpResponseMessage>>[] { (t, id) => CaptureAsync(t, id, null), CancelAsync })
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
            using var bad = await CaptureAsync(order.Admin, paymentId, amount);
            await bad.ExpectAsync(HttpStatusCode.BadRequest);
            var error = await bad.ReadErrorAsync();
            Assert.Equal(["amount"], error.ErrorFields());
            Assert.Equal([code], error.ErrorCodes());
        }

        var payment = await _client.PaymentAsync(paymentId, order.Admin);
        Assert.Equal(("authorized", order.Total, 0m), (payment.GetProperty("status").GetString(), payment.GetProperty("authorized").GetDecimal(), payment.GetProperty("captured").GetDecimal()));
        Assert.Equal((ChargeState.Authorized, order.Total), await ChargeAsync(paymentId));
        Assert.Empty(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));

        // A payment that holds nothing (a session not paid yet) cannot be captured.
        var pending = await _client.CustomerOrderAsync();
        var session = await _client.SessionAsync(pending);
        using var notAuthorised = await CaptureAsync(order.Admin, session.GetProperty("paymentId").GetGuid(), null);
        await notAuthorised.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(["PAYMENT_NOT_AUTHORIZED"], (await notAuthorised.ReadErrorAsync()).ErrorCodes());
    }

    [Fact]
    public async Task The_hosted_page_authorises_and_the_sandbox_webhook_for_it_is_applied_once()
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
        Assert.Equal((ChargeState.Authorized, order.Total), await ChargeAsync(paymentId));

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
        Assert.Equal(["authorized"], await KindsAsync(paymentId, order.Admin));
        Assert.Single(await factory.EventsAsync("payments.payment-authorized.v1", order.Id));
    }

    /// <summary>An order of the customer's, authorised with a saved card through <c>process</c>.</summary>
    private async Task<(PlacedOrder Order, Guid PaymentId)> AuthorisedAsync()
    {
        var order = await _client.CustomerOrderAsync();
        var method = await _client.SaveCardAsync(order.Token!);
        using var processed = await _client.ProcessAsync(order, method);
        await processed.ExpectAsync(HttpStatusCode.OK);
        var data = (await processed.ReadJsonAsync()).GetProperty("data");
        Assert.Equal("authorized", data.GetProperty("status").GetString());
        return (order, data.GetProperty("id").GetGuid());
    }

    private Task<HttpResponseMessage> CaptureAsync(string? token, Guid paymentId, decimal? amount, string? idempotencyKey = null)
        => _client.CallAsync(
            HttpMethod.Post,
            $"/api/v1/payments/{paymentId}/capture",
            token,
            new { amount },
            idempotencyKey is null ? null : new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey });

    private Task<HttpResponseMessage> CancelAsync(string? token, Guid paymentId)
        => _client.CallAsync(HttpMethod.Post, $"/api/v1/payments/{paymentId}/cancel", token);

    /// <summary>The kinds of the payment's ledger entries, oldest first, as an administrator reads them.</summary>
    private async Task<string[]> KindsAsync(Guid paymentId, string admin)
    {
        var payment = await _client.PaymentAsync(paymentId, admin);
        return [.. payment.GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("kind").GetString()!)];
    }

    /// <summary>The sandbox provider's own record of the payment's charge.</summary>
    private async Task<(ChargeState State, decimal Amount)> ChargeAsync(Guid paymentId)
    {
        var charge = await factory.WithDbAsync(db => db.SandboxCharges.AsNoTracking().SingleAsync(c => c.Reference == paymentId));
        return (charge.State, charge.Amount);
    }

    /// <summary>The product's newest stock ledger entry (Admin).</summary>
    private async Task<JsonElement> LatestStockMoveAsync(string admin, Guid productId)
    {
        using var response = await _client.CallAsync(HttpMethod.Get, $"/api/v1/products/{productId}/stock/ledger?pageSize=1", admin);
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("items")[0];
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteManualCaptureTests(ManualCaptureFactory factory) : ManualCaptureTests<ManualCaptureFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresManualCaptureTests(PostgresManualCaptureFactory factory) : ManualCaptureTests<PostgresManualCaptureFactory>(factory);
