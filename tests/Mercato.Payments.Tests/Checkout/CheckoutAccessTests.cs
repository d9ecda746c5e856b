using System.Net;
using Mercato.Payments.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Payments.Tests.Checkout;

/// <summary>Who may open, read and list checkout sessions and payments, and what bad input gets, on one provider.</summary>
public abstract class CheckoutAccessTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PaymentsFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Anonymous_another_customer_another_guest_and_a_service_token_cannot_open_or_read_a_session()
    {
        var order = await _client.CustomerOrderAsync();
        var guestOrder = await _client.GuestOrderAsync();
        var (_, _, stranger) = await _client.RegisterCustomerAsync();
        var service = await _client.ServiceTokenAsync(PaymentsFactory.ReportsClient, PaymentsFactory.ClientSecret);

        using (var anonymous = await _client.CreateSessionAsync(order with { Token = null }))
        {
            await anonymous.ExpectAsync(HttpStatusCode.Unauthorized);
        }

        using (var other = await _client.CreateSessionAsync(order with { Token = stranger }))
        {
            await other.ExpectAsync(HttpStatusCode.NotFound);
        }

        using (var otherGuest = await _client.CreateSessionAsync(guestOrder with { CartKey = "another-guests-cart-key" }))
        {
            await otherGuest.ExpectAsync(HttpStatusCode.NotFound);
        }

        using (var wrongRole = await _client.CreateSessionAsync(order with { Token = service }))
        {
            await wrongRole.ExpectAsync(HttpStatusCode.Forbidden);
        }

        Assert.Equal(0, await factory.WithDbAsync(db => db.Payments.CountAsync(p => p.OrderId == order.Id || p.OrderId == guestOrder.Id)));

        var session = await _client.SessionAsync(order);
        var sessionId = session.GetProperty("sessionId").GetGuid();
        var paymentId = session.GetProperty("paymentId").GetGuid();
        foreach (var path in new[] { $"/api/v1/payments/checkout-sessions/{sessionId}", $"/api/v1/payments/{paymentId}" })
        {
            using var mine = await _client.CallAsync(HttpMethod.Get, path, order.Token);
            await mine.ExpectAsync(HttpStatusCode.OK);
            using var admin = await _client.CallAsync(HttpMethod.Get, path, order.Admin);
            await admin.ExpectAsync(HttpStatusCode.OK);
            using var anonymous = await _client.CallAsync(HttpMethod.Get, path, null);
            await anonymous.ExpectAsync(HttpStatusCode.Unauthorized);
            using var other = await _client.CallAsync(HttpMethod.Get, path, stranger);
            await other.ExpectAsync(HttpStatusCode.NotFound);
            using var guest = await _client.CallAsync(HttpMethod.Get, path, null, headers: ShopApi.CartKey(guestOrder.CartKey));
            await guest.ExpectAsync(HttpStatusCode.NotFound);
            using var wrongRole = await _client.CallAsync(HttpMethod.Get, path, service);
            await wrongRole.ExpectAsync(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Bad_input_is_400_naming_the_field_and_an_unpayable_order_is_409_and_nothing_is_stored()
    {
        var order = await _client.CustomerOrderAsync();
        foreach (var (body, field) in new (object, string)[]
        {
            (new { orderId = Guid.Empty }, "orderId"),
            (new { orderId = order.Id, successUrl = "ftp://shop.example/paid" }, "successUrl"),
            (new { orderId = order.Id, cancelUrl = "/relative" }, "cancelUrl"),
            (new { orderId = order.Id, fail_url = "notaurl" }, "failUrl"),
            (new { orderId = order.Id, successUrl = "https://shop.example/" + new string('a', 2100) }, "successUrl"),
            (new { orderId = order.Id, gateway = "paypal" }, "gateway"),
        })
        {
            using var bad = await _client.CreateSessionAsync(order, body);
            await bad.ExpectAsync(HttpStatusCode.BadRequest);
            Assert.Contains(field, (await bad.ReadErrorAsync()).ErrorFields());
        }

        using var unknown = await _client.CreateSessionAsync(order, new { orderId = Guid.NewGuid() });
        await unknown.ExpectAsync(HttpStatusCode.NotFound);

        using var cancelled = await _client.CallAsync(HttpMethod.Post, $"/api/v1/orders/{order.Id}/cancel", order.Token, new { reason = "Changed my mind" });
        await cancelled.ExpectAsync(HttpStatusCode.OK);
        using var notPayable = await _client.CreateSessionAsync(order);
        await notPayable.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(["ORDER_NOT_PAYABLE"], (await notPayable.ReadErrorAsync()).ErrorCodes());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Payments.CountAsync(p => p.OrderId == order.Id)));
    }

    [Fact]
    public async Task Administrators_list_payments_with_filters_and_nobody_else_may()
    {
        var order = await _client.CustomerOrderAsync();
        var session = await _client.SessionAsync(order);
        var paymentId = session.GetProperty("paymentId").GetGuid();

        using var byOrder = await _client.CallAsync(HttpMethod.Get, $"/api/v1/payments?orderId={order.Id}&status=pending&gateway=sandbox", order.Admin);
        await byOrder.ExpectAsync(HttpStatusCode.OK);
        var page = (await byOrder.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(1, page.GetProperty("totalCount").GetInt64());
        Assert.Equal(paymentId, page.GetProperty("items")[0].GetProperty("id").GetGuid());
        using var none = await _client.CallAsync(HttpMethod.Get, $"/api/v1/payments?orderId={order.Id}&status=succeeded", order.Admin);
        Assert.Equal(0, (await none.ReadJsonAsync()).GetProperty("data").GetProperty("totalCount").GetInt64());

        foreach (var (query, field) in new[] { ("status=paid", "status"), ("pageSize=101", "pageSize"), ("from=2026-12-02&to=2026-12-01", "from") })
        {
            using var bad = await _client.CallAsync(HttpMethod.Get, $"/api/v1/payments?{query}", order.Admin);
            await bad.ExpectAsync(HttpStatusCode.BadRequest);
            Assert.Contains(field, (await bad.ReadErrorAsync()).ErrorFields());
        }

        using var anonymous = await _client.CallAsync(HttpMethod.Get, "/api/v1/payments", null);
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized);
        using var customer = await _client.CallAsync(HttpMethod.Get, "/api/v1/payments", order.Token);
        await customer.ExpectAsync(HttpStatusCode.Forbidden);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteCheckoutAccessTests(PaymentsFactory factory) : CheckoutAccessTests<PaymentsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresCheckoutAccessTests(PostgresPaymentsFactory factory) : CheckoutAccessTests<PostgresPaymentsFactory>(factory);
