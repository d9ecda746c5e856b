using System.Net;
using Mercato.Payments.Gateways;
using Mercato.Payments.Tests.Support;
using Mercato.Testing;

namespace Mercato.Payments.Tests.Capture;

/// <summary>
/// With manual capture, paying through <c>process</c> only authorises; the order is held (not paid)
/// and outlives its payment window while the money is held, and the capture later pays it and
/// sells its stock. (A fixture of its own: the clock jumps past the payment window.)
/// </summary>
public abstract class AuthorisedOrderExpiryTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : ManualCaptureFactory
{
    private readonly HttpClient _client = factory.CreateClient();

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
        Assert.Equal((ChargeState.Authorized, order.Total), await factory.SandboxChargeAsync(paymentId));
        Assert.Equal(["authorized"], await _client.LedgerKindsAsync(paymentId, admin));
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

        using var captured = await _client.CaptureAsync(admin, paymentId, null);
        await captured.ExpectAsync(HttpStatusCode.OK);
        var capture = (await captured.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(("succeeded", order.Total, 0m), (capture.GetProperty("status").GetString(), capture.GetProperty("captured").GetDecimal(), capture.GetProperty("authorized").GetDecimal()));
        Assert.Equal(["authorized", "captured"], await _client.LedgerKindsAsync(paymentId, admin));
        Assert.Equal((ChargeState.Succeeded, order.Total), await factory.SandboxChargeAsync(paymentId));
        var succeeded = Assert.Single(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
        Assert.Equal(order.Total, succeeded.GetProperty("amount").GetDecimal());

        await Shoppers.EventuallyAsync(async () => (await _client.OrderAsync(order.Id, admin)).GetProperty("status").GetString() == "paid", "the order to be paid");
        await Shoppers.EventuallyAsync(async () => (await _client.LatestStockMoveAsync(admin, product)).GetProperty("kind").GetString() == "commit", "the stock to be sold");
        var sold = await _client.LatestStockMoveAsync(admin, product);
        Assert.Equal((order.Id, 8, 0), (sold.GetProperty("orderId").GetGuid(), sold.GetProperty("onHandAfter").GetInt32(), sold.GetProperty("reservedAfter").GetInt32()));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteAuthorisedOrderExpiryTests(ManualCaptureFactory factory) : AuthorisedOrderExpiryTests<ManualCaptureFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresAuthorisedOrderExpiryTests(PostgresManualCaptureFactory factory) : AuthorisedOrderExpiryTests<PostgresManualCaptureFactory>(factory);
