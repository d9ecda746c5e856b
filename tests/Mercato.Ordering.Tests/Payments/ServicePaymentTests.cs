using System.Net;
using Mercato.Ordering.Orders;
using Mercato.Ordering.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Ordering.Tests.Payments;

/// <summary>The service-only endpoints on one provider: reading any order, and recording a payment exactly once.</summary>
public abstract class ServicePaymentTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OrderingFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_payments_service_marks_a_pending_order_paid_and_OrderPaid_carries_the_intent_and_total()
    {
        var order = await _client.PlacedOrderAsync(quantity: 2, price: 50.00m);

        using var response = await _client.PayAsync(await _client.PaymentsTokenAsync(), order.Id, "pi_3Nabc");

        await response.ExpectAsync(HttpStatusCode.OK);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(("paid", true, "pi_3Nabc"), (data.GetProperty("status").GetString(), data.GetProperty("isPaid").GetBoolean(), data.GetProperty("paymentIntent").GetString()));
        Assert.EndsWith("Z", data.GetProperty("paidAt").GetString());
        var paid = Assert.Single(await factory.EventsAsync("ordering.order-paid.v1", order.Id));
        Assert.Equal(("pi_3Nabc", 108.00m, order.Number), (paid.GetProperty("paymentIntentId").GetString(), paid.GetProperty("amount").GetDecimal(), paid.GetProperty("orderNumber").GetString()));
        var actor = await factory.WithOrderingDbAsync(db => db.OrderStatusChanges.Where(c => c.OrderId == order.Id && c.To == OrderStatus.Paid).Select(c => c.Actor).SingleAsync());
        Assert.Equal(OrderingFactory.PaymentsClient, actor);
    }

    [Fact]
    public async Task Recording_the_same_payment_again_answers_200_and_changes_nothing_and_another_intent_answers_409()
    {
        var order = await _client.PlacedOrderAsync();
        var token = await _client.PaymentsTokenAsync();

        using var first = await _client.PayAsync(token, order.Id, "pi_one");
        using var repeat = await _client.PayAsync(token, order.Id, "pi_one");
        using var other = await _client.PayAsync(token, order.Id, "pi_two");

        await first.ExpectAsync(HttpStatusCode.OK);
        await repeat.ExpectAsync(HttpStatusCode.OK);
        await other.ExpectAsync(HttpStatusCode.Conflict);
        var data = await _client.OrderAsync(order.Id, order.Token);
        Assert.Equal("pi_one", data.GetProperty("paymentIntent").GetString());
        Assert.Equal(2, data.GetProperty("statusHistory").GetArrayLength());
        Assert.Single(await factory.EventsAsync("ordering.order-paid.v1", order.Id));
    }

    [Fact]
    public async Task Ten_parallel_records_of_one_payment_mark_the_order_paid_once()
    {
        var order = await _client.PlacedOrderAsync();
        var token = await _client.PaymentsTokenAsync();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await _client.PayAsync(token, order.Id, "pi_parallel");
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(2, (await _client.OrderAsync(order.Id, order.Token)).GetProperty("statusHistory").GetArrayLength());
        Assert.Single(await factory.EventsAsync("ordering.order-paid.v1", order.Id));
    }

    [Fact]
    public async Task A_cancelled_order_cannot_be_paid()
    {
        var order = await _client.PlacedOrderAsync();
        using var cancelled = await _client.CancelAsync(order.Token, order.Id);
        await cancelled.ExpectAsync(HttpStatusCode.OK);

        using var response = await _client.PayAsync(await _client.PaymentsTokenAsync(), order.Id, "pi_late");

        await response.ExpectAsync(HttpStatusCode.Conflict);
        Assert.False((await _client.OrderAsync(order.Id, order.Token)).GetProperty("isPaid").GetBoolean());
        Assert.Empty(await factory.EventsAsync("ordering.order-paid.v1", order.Id));
    }

    [Theory]
    [InlineData(false, "pi_x", "isPaid")]
    [InlineData(null, "pi_x", "isPaid")]
    [InlineData(true, null, "paymentIntent")]
    [InlineData(true, "", "paymentIntent")]
    public async Task A_bad_payment_body_answers_400_naming_the_field_and_the_order_stays_pending(bool? isPaid, string? intent, string field)
    {
        var order = await _client.PlacedOrderAsync();

        using var response = await _client.PayAsync(await _client.PaymentsTokenAsync(), order.Id, intent, isPaid);

        await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, (await response.ReadErrorAsync()).ErrorFields(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("pending", (await _client.OrderAsync(order.Id, order.Token)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Only_a_client_with_the_payments_scope_records_payments()
    {
        var order = await _client.PlacedOrderAsync();
        var reports = await _client.ServiceTokenAsync(OrderingFactory.ReportsClient, OrderingFactory.ClientSecret);

        using var anonymous = await _client.PayAsync(null, order.Id);
        using var asOwner = await _client.PayAsync(order.Token, order.Id);
        using var asAdmin = await _client.PayAsync(order.AdminToken, order.Id);
        using var withoutScope = await _client.PayAsync(reports, order.Id);
        using var unknown = await _client.PayAsync(await _client.PaymentsTokenAsync(), Guid.NewGuid());

        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized);
        await asOwner.ExpectAsync(HttpStatusCode.Forbidden);
        await asAdmin.ExpectAsync(HttpStatusCode.Forbidden);
        await withoutScope.ExpectAsync(HttpStatusCode.Forbidden);
        await unknown.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal("pending", (await _client.OrderAsync(order.Id, order.Token)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_service_with_the_read_scope_reads_any_order_and_others_cannot()
    {
        var order = await _client.PlacedOrderAsync();
        var reports = await _client.ServiceTokenAsync(OrderingFactory.ReportsClient, OrderingFactory.ClientSecret);
        var url = $"/api/v1/orders/service/{order.Id}";

        using var asReports = await _client.CallAsync(HttpMethod.Get, url, reports);
        using var asPayments = await _client.CallAsync(HttpMethod.Get, url, await _client.PaymentsTokenAsync());
        using var asOwner = await _client.CallAsync(HttpMethod.Get, url, order.Token);
        using var anonymous = await _client.CallAsync(HttpMethod.Get, url);
        using var unknown = await _client.CallAsync(HttpMethod.Get, $"/api/v1/orders/service/{Guid.NewGuid()}", reports);

        await asReports.ExpectAsync(HttpStatusCode.OK);
        var data = (await asReports.ReadJsonAsync()).GetProperty("data");
        Assert.Equal((order.Number, order.Email), (data.GetProperty("orderNumber").GetString(), data.GetProperty("contact").GetProperty("email").GetString()));
        Assert.Single(data.GetProperty("items").EnumerateArray());
        await asPayments.ExpectAsync(HttpStatusCode.Forbidden);
        await asOwner.ExpectAsync(HttpStatusCode.Forbidden);
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized);
        await unknown.ExpectAsync(HttpStatusCode.NotFound);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteServicePaymentTests(OrderingFactory factory) : ServicePaymentTests<OrderingFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresServicePaymentTests(PostgresOrderingFactory factory) : ServicePaymentTests<PostgresOrderingFactory>(factory);
