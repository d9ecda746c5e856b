using System.Net;
using Mercato.Payments.Tests.Support;
using Mercato.Testing;

namespace Mercato.Payments.Tests.Process;

/// <summary>Seed 004's flow: a saved card pays an order through <c>POST /payments/process</c>, on one provider.</summary>
public abstract class ProcessPaymentTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PaymentsFactory
{
    private readonly HttpClient _client = factory.CreateClient();
    private readonly HttpClient _browser = factory.Browser();

    [Fact]
    public async Task A_saved_visa_pays_the_order_once_and_a_repeat_with_the_same_key_replays_it()
    {
        var order = await _client.CustomerOrderAsync();
        var method = await _client.SaveCardAsync(order.Token!);

        using var first = await _client.ProcessAsync(order, method, idempotencyKey: "process-" + order.Id);
        await first.ExpectAsync(HttpStatusCode.OK);
        var data = (await first.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(("succeeded", order.Total, "USD", "visa", "4242"), (
            data.GetProperty("status").GetString(), data.GetProperty("amount").GetDecimal(), data.GetProperty("currency").GetString(),
            data.GetProperty("brand").GetString(), data.GetProperty("last4").GetString()));
        Assert.StartsWith("ch_sbx_", data.GetProperty("transactionId").GetString(), StringComparison.Ordinal);

        using var replay = await _client.ProcessAsync(order, method, idempotencyKey: "process-" + order.Id);
        await replay.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(data.GetProperty("paymentId").GetGuid(), (await replay.ReadJsonAsync()).GetProperty("data").GetProperty("paymentId").GetGuid());
        Assert.Single(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
        await Shoppers.EventuallyAsync(async () => await _client.OrderStatusAsync(order) == "paid", "the order to be paid");

        // Paid already: a second attempt with another key is refused and charges nothing.
        using var twice = await _client.ProcessAsync(order, method, idempotencyKey: "another-" + order.Id);
        await twice.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(["ORDER_NOT_PAYABLE"], (await twice.ReadErrorAsync()).ErrorCodes());
    }

    [Fact]
    public async Task An_order_placed_with_a_payment_method_is_paid_with_it_when_process_names_none()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.CreateProductAsync(admin, 12.50m, 10);
        var (_, _, token) = await _client.RegisterCustomerAsync();
        var method = await _client.SaveCardAsync(token, "tok_mastercard");
        await _client.AddToCartAsync(product, 2, token);
        using var placed = await _client.CallAsync(HttpMethod.Post, "/api/v1/orders", token, new
        {
            shippingAddress = new { street = "123 Main St", city = "New York", state = "NY", zipCode = "10001", country = "USA" },
            paymentMethodId = method,
        });
        await placed.ExpectAsync(HttpStatusCode.Created);
        var data = (await placed.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(method, data.GetProperty("paymentMethodId").GetGuid());
        var order = new PlacedOrder(data.GetProperty("id").GetGuid(), data.GetProperty("orderNumber").GetString()!, data.GetProperty("total").GetDecimal(), token, null, admin);

        using var paid = await _client.CallAsync(HttpMethod.Post, "/api/v1/payments/process", token, new { orderId = order.Id, amount = order.Total, currency = "USD" });
        await paid.ExpectAsync(HttpStatusCode.OK);
        var payment = (await paid.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(("succeeded", "mastercard", "4444"), (payment.GetProperty("status").GetString(), payment.GetProperty("brand").GetString(), payment.GetProperty("last4").GetString()));
    }

    [Fact]
    public async Task A_declined_card_answers_402_payment_failed_and_a_challenge_card_answers_requires_action()
    {
        var order = await _client.CustomerOrderAsync();
        var declined = await _client.SaveCardAsync(order.Token!, "tok_chargeDeclined");
        using var failed = await _client.ProcessAsync(order, declined);
        await failed.ExpectAsync(HttpStatusCode.PaymentRequired);
        var error = await failed.ReadErrorAsync();
        Assert.Equal(["PAYMENT_FAILED"], error.ErrorCodes());
        Assert.Contains("card_declined", error.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("pending", await _client.OrderStatusAsync(order));

        var challenge = await _client.SaveCardAsync(order.Token!, "tok_threeDSecure2Required");
        using var action = await _client.ProcessAsync(order, challenge);
        await action.ExpectAsync(HttpStatusCode.OK);
        var data = (await action.ReadJsonAsync()).GetProperty("data");
        Assert.Equal("requires_action", data.GetProperty("status").GetString());
        var actionUrl = new Uri(data.GetProperty("actionUrl").GetString()!);
        using var approved = await _browser.PostAsync(actionUrl.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "approve" }));
        using var back = await _browser.FollowAsync(approved);
        Assert.Equal("https://shop.example/paid", back.Headers.Location!.GetLeftPart(UriPartial.Path));
        Assert.Equal("succeeded", (await _client.PaymentAsync(data.GetProperty("paymentId").GetGuid(), order.Token)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Amount_and_currency_must_be_the_orders_and_bad_input_stores_nothing()
    {
        var order = await _client.CustomerOrderAsync();
        var method = await _client.SaveCardAsync(order.Token!);

        using var wrongAmount = await _client.ProcessAsync(order, method, amount: order.Total - 1);
        await wrongAmount.ExpectAsync(HttpStatusCode.BadRequest);
        var mismatch = await wrongAmount.ReadErrorAsync();
        Assert.Equal(["AMOUNT_MISMATCH"], mismatch.ErrorCodes());
        Assert.Equal(["amount"], mismatch.ErrorFields());
        using var wrongCurrency = await _client.ProcessAsync(order, method, currency: "EUR");
        await wrongCurrency.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["currency"], (await wrongCurrency.ReadErrorAsync()).ErrorFields());

        foreach (var (body, field) in new (object, string)[]
        {
            (new { paymentMethodId = method, amount = order.Total, currency = "USD" }, "orderId"),
            (new { orderId = order.Id, amount = order.Total, currency = "USD" }, "paymentMethodId"),
            (new { orderId = order.Id, paymentMethodId = method, amount = -1m, currency = "USD" }, "amount"),
            (new { orderId = order.Id, paymentMethodId = method, amount = order.Total, currency = "US" }, "currency"),
            (new { orderId = order.Id, paymentMethodId = method, amount = order.Total, currency = "USD", returnUrl = "javascript:alert(1)" }, "returnUrl"),
        })
        {
            using var bad = await _client.CallAsync(HttpMethod.Post, "/api/v1/payments/process", order.Token, body);
            await bad.ExpectAsync(HttpStatusCode.BadRequest);
            Assert.Contains(field, (await bad.ReadErrorAsync()).ErrorFields());
        }

        Assert.Equal(0, await factory.WithDbAsync(db => Task.FromResult(db.Payments.Count(p => p.OrderId == order.Id))));
    }

    [Fact]
    public async Task Anonymous_another_customer_and_a_service_token_cannot_pay_someone_elses_order()
    {
        var order = await _client.CustomerOrderAsync();
        var method = await _client.SaveCardAsync(order.Token!);
        var (_, _, stranger) = await _client.RegisterCustomerAsync();
        var strangersCard = await _client.SaveCardAsync(stranger);

        using var anonymous = await _client.ProcessAsync(order with { Token = null }, method);
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized);
        using var otherOrder = await _client.ProcessAsync(order with { Token = stranger }, strangersCard);
        await otherOrder.ExpectAsync(HttpStatusCode.NotFound);
        using var otherCard = await _client.ProcessAsync(order, strangersCard);
        await otherCard.ExpectAsync(HttpStatusCode.NotFound);
        var service = await _client.ServiceTokenAsync(PaymentsFactory.ReportsClient, PaymentsFactory.ClientSecret);
        using var wrongRole = await _client.ProcessAsync(order with { Token = service }, method);
        await wrongRole.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, await factory.WithDbAsync(db => Task.FromResult(db.Payments.Count(p => p.OrderId == order.Id))));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteProcessPaymentTests(PaymentsFactory factory) : ProcessPaymentTests<PaymentsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresProcessPaymentTests(PostgresPaymentsFactory factory) : ProcessPaymentTests<PostgresPaymentsFactory>(factory);
