using System.Net;
using System.Text.Json;
using Mercato.EndToEnd.Tests.Support;
using Mercato.Testing;

namespace Mercato.EndToEnd.Tests.Crash;

/// <summary>
/// The process dies between the gateway's answer and Payments' commit (issue 14): the sandbox has
/// taken the money, Mercato has not recorded it. After a restart on the same data the reconciliation
/// job finds the charge in the sandbox's records and heals the payment: succeeded with exactly one
/// captured entry, one <c>PaymentSucceeded</c>, the order paid, and the card charged once.
/// </summary>
public sealed class PaymentCrashTests(CrashingShop shop) : IClassFixture<CrashingShop>
{
    private const decimal UnitPrice = 24.50m;
    private const string SucceededEvent = "payments.payment-succeeded.v1";
    private static readonly object ShippingAddress = new { street = "7 Crash Lane", city = "Leeds", state = "West Yorkshire", zipCode = "LS1 4AP", country = "United Kingdom" };

    [Fact]
    public Task A_capture_the_process_died_before_committing_is_healed_by_reconciliation_after_the_restart() => shop.RunAsync(async () =>
    {
        var api = shop.Api;
        var admin = await api.SignInAsync(ShopDeployment.AdminEmail, ShopDeployment.AdminPassword);
        var (_, email, customer) = await api.RegisterCustomerAsync("Katherine", "Johnson");
        var productId = await api.CreateProductAsync(admin, UnitPrice, 5, await api.CreateCategoryAsync(admin));
        await api.AddToCartAsync(productId, 2, customer);
        var card = await api.DataAsync(HttpMethod.Post, "/api/v1/payments/methods", customer, new { cardToken = "tok_visa" }, HttpStatusCode.Created);
        var cardId = card.GetProperty("id").GetGuid();
        var order = await api.DataAsync(HttpMethod.Post, "/api/v1/orders", customer, new { shippingAddress = ShippingAddress, paymentMethodId = cardId }, HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetGuid();
        var total = order.Money("total");

        // The shopper pays; the sandbox records the charge and takes ResponseDelay to answer.
        var paying = api.CallAsync(
            HttpMethod.Post,
            "/api/v1/payments/process",
            customer,
            new { orderId, paymentMethodId = cardId, amount = total, currency = "USD" },
            new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() });
        await ShopCalls.EventuallyAsync(() => shop.CountPaymentsRowsAsync("SELECT COUNT(*) FROM sandbox_charges"), charges => charges > 0);
        await Task.WhenAny(paying, Task.Delay(TimeSpan.FromSeconds(2)));
        Assert.False(paying.IsCompleted, "The sandbox answered within 2 s of recording the charge, not after Payments:Sandbox:ResponseDelay.");

        // The process dies in that window; the shopper never gets an answer.
        await shop.KillAsync();
        await Assert.ThrowsAsync<HttpRequestException>(() => paying);

        // What the crash left on disk: the sandbox took the money, Payments did not record it.
        var paymentId = await SinglePaymentIdAsync(orderId);
        var reference = ("$payment", (object)Upper(paymentId));
        Assert.Equal(1, await shop.CountPaymentsRowsAsync("SELECT COUNT(*) FROM sandbox_charges WHERE Reference = $payment AND State = 'Succeeded'", reference));
        Assert.Equal(1, await shop.CountPaymentsRowsAsync("SELECT COUNT(*) FROM payments_payments WHERE Id = $payment AND Status = 'Pending' AND CapturedCents = 0", reference));
        Assert.Equal(0, await shop.CountPaymentsRowsAsync("SELECT COUNT(*) FROM payments_transactions WHERE PaymentId = $payment", reference));
        Assert.Equal(0, await SucceededEventsAsync(orderId));

        // Restarted on the same data, reconciliation heals the payment within a few rounds.
        api = await shop.RestartAsync();
        admin = await api.SignInAsync(ShopDeployment.AdminEmail, ShopDeployment.AdminPassword);
        customer = await api.SignInAsync(email, ApiCalls.CustomerPassword);
        var payment = await ShopCalls.EventuallyAsync(
            () => api.GetDataAsync($"/api/v1/payments/{paymentId}", admin), p => p.GetProperty("status").GetString() != "pending");
        var chargeId = payment.GetProperty("transactionId").GetString()!;
        Assert.Equal(("succeeded", total, total, 0m), (payment.GetProperty("status").GetString(), payment.Money("amount"), payment.Money("captured"), payment.Money("refunded")));
        var captured = Assert.Single(payment.GetProperty("transactions").EnumerateArray());
        Assert.Equal(("captured", total, chargeId), (captured.GetProperty("kind").GetString(), captured.Money("amount"), captured.GetProperty("gatewayReference").GetString()));
        Assert.Contains(shop.Server.Output, line => line.Contains("Reconciliation", StringComparison.Ordinal) && line.Contains(chargeId, StringComparison.Ordinal)
            && line.Contains("missing from the ledger", StringComparison.Ordinal));

        // PaymentSucceeded went out once and the order is paid with that charge; the customer sees it.
        var paid = await ShopCalls.EventuallyAsync(() => api.GetDataAsync($"/api/v1/orders/{orderId}", customer), o => o.GetProperty("status").GetString() == "paid");
        Assert.True(paid.GetProperty("isPaid").GetBoolean());
        Assert.Equal(chargeId, paid.GetProperty("paymentIntent").GetString());
        Assert.Equal("succeeded", (await api.GetDataAsync($"/api/v1/payments/{paymentId}", customer)).GetProperty("status").GetString());

        // Later rounds change nothing: one payment, one captured entry, one charge, one event.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var list = await api.GetDataAsync($"/api/v1/payments?orderId={orderId}", admin);
        Assert.Equal(paymentId, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Single((await api.GetDataAsync($"/api/v1/payments/{paymentId}", admin)).GetProperty("transactions").EnumerateArray());
        Assert.Equal(1, await shop.CountPaymentsRowsAsync("SELECT COUNT(*) FROM sandbox_charges WHERE Reference = $payment", reference));
        Assert.Equal(1, await shop.CountPaymentsRowsAsync("SELECT COUNT(*) FROM sandbox_charges"));
        Assert.Equal(1, await SucceededEventsAsync(orderId));
    });

    /// <summary>The one payment the order has in the Payments database (the API was down when it was created).</summary>
    private async Task<Guid> SinglePaymentIdAsync(Guid orderId)
    {
        Assert.Equal(1, await shop.CountPaymentsRowsAsync("SELECT COUNT(*) FROM payments_payments WHERE OrderId = $order", ("$order", Upper(orderId))));
        return Guid.Parse(await shop.ReadPaymentsTextAsync("SELECT Id FROM payments_payments WHERE OrderId = $order", ("$order", Upper(orderId))));
    }

    /// <summary>How many <c>PaymentSucceeded</c> events for the order the Payments outbox holds.</summary>
    private Task<long> SucceededEventsAsync(Guid orderId) => shop.CountPaymentsRowsAsync(
        "SELECT COUNT(*) FROM outbox_messages WHERE Type = $type AND instr(lower(Payload), $order) > 0", ("$type", SucceededEvent), ("$order", orderId.ToString()));

    /// <summary>EF Core keeps a Guid as upper-case text in SQLite.</summary>
    private static string Upper(Guid id) => id.ToString().ToUpperInvariant();
}
