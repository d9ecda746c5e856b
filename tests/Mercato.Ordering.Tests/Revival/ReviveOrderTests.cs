using System.Net;
using System.Net.Http.Headers;
using Mercato.Ordering.Client;
using Mercato.Ordering.Contracts;
using Mercato.Ordering.Expiry;
using Mercato.Ordering.Orders;
using Mercato.Ordering.Revival;
using Mercato.Ordering.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mercato.Ordering.Tests.Revival;

/// <summary>
/// <c>POST /api/v1/orders/service/{id}/revive</c> on one provider: an order cancelled by expiry
/// whose payment arrived late gets its stock and coupon back and waits for its payment again; any
/// other order is refused with a reason code and nothing changes.
/// </summary>
public abstract class ReviveOrderTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : RevivalOrderingFactory
{
    private static readonly TimeSpan PastTheWindow = TimeSpan.FromMinutes(31);

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task An_expired_order_is_revived_with_its_stock_and_coupon_held_again_once_and_can_then_be_paid()
    {
        var admin = await _client.AdminTokenAsync();
        var coupon = await _client.CouponAsync(admin, 10, usageLimit: 1);
        var order = await CouponOrderAsync(admin, coupon, stock: 10, quantity: 3);
        await ExpireAsync(order, stock: 10);
        // The Cart gives the coupon's use back when it hears of the cancellation (an event). A revival
        // that overtakes that event has its use taken back by it: a known race, not what this test is about.
        Assert.Equal(0, await MercatoProcess.EventuallyAsync(() => TimesRedeemedAsync(admin, coupon), n => n == 0, TimeSpan.FromSeconds(15)));
        var payments = await _client.PaymentsTokenAsync();

        using var revived = await ReviveAsync(payments, order.Id);
        using var again = await ReviveAsync(payments, order.Id);

        await revived.ExpectAsync(HttpStatusCode.OK);
        var body = await revived.ReadJsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        var data = body.GetProperty("data");
        Assert.Equal(("pending", order.Id), (data.GetProperty("status").GetString(), data.GetProperty("id").GetGuid()));
        await again.ExpectAsync(HttpStatusCode.OK);
        var stored = await factory.WithOrderingDbAsync(db => db.Orders.AsNoTracking().Include(o => o.StatusHistory).SingleAsync(o => o.Id == order.Id));
        Assert.Equal(OrderStatus.Pending, stored.Status);
        var window = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(30);
        Assert.InRange(stored.ExpiresAt!.Value, window.AddMilliseconds(-1), window);
        var revival = Assert.Single(stored.StatusHistory, h => h.From == OrderStatus.Cancelled);
        Assert.Equal((OrderStatus.Pending, OrderReviver.Note, OrderingFactory.PaymentsClient), (revival.To, revival.Note, revival.Actor));
        Assert.Equal(7, await _client.StockAsync(order.ProductId));
        Assert.Equal(1, await TimesRedeemedAsync(admin, coupon));

        // The coupon's one use is taken again: another shopper cannot have it.
        var (_, _, rival) = await _client.RegisterCustomerAsync();
        await _client.AddAsync(rival, order.ProductId, 1);
        using var refused = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/apply-coupon", rival, new { couponCode = coupon });
        await refused.ExpectErrorAsync(HttpStatusCode.Conflict, "CONFLICT");

        // The late payment now pays it, and the Catalog sells the held stock.
        using var paid = await _client.PayAsync(payments, order.Id, "pi_late");
        await paid.ExpectAsync(HttpStatusCode.OK);
        Assert.Single(await factory.EventsAsync("ordering.order-paid.v1", order.Id));
        Assert.Equal(7, await _client.StockAsync(order.ProductId));
    }

    [Fact]
    public async Task An_order_whose_stock_was_sold_meanwhile_is_refused_409_and_stays_cancelled()
    {
        var order = await _client.PlacedOrderAsync(stock: 3, quantity: 3);
        await ExpireAsync(order, stock: 3);
        var (_, _, rival) = await _client.RegisterCustomerAsync();
        await _client.AddAsync(rival, order.ProductId, 1);
        using var placed = await _client.PlaceOrderAsync(rival, Shop.OrderBody());
        await placed.ExpectAsync(HttpStatusCode.Created);

        using var response = await ReviveAsync(await _client.PaymentsTokenAsync(), order.Id);

        await response.ExpectErrorAsync(HttpStatusCode.Conflict, "INSUFFICIENT_STOCK");
        await AssertStillCancelledAsync(order);
        Assert.Equal(2, await _client.StockAsync(order.ProductId));
    }

    [Fact]
    public async Task An_order_whose_coupon_is_used_up_meanwhile_is_refused_409_and_its_stock_released_again()
    {
        var admin = await _client.AdminTokenAsync();
        var coupon = await _client.CouponAsync(admin, 10, usageLimit: 1);
        var order = await CouponOrderAsync(admin, coupon, stock: 10, quantity: 2);
        await ExpireAsync(order, stock: 10);
        await CouponOrderAsync(admin, coupon, stock: 10, quantity: 1);

        using var response = await ReviveAsync(await _client.PaymentsTokenAsync(), order.Id);

        await response.ExpectErrorAsync(HttpStatusCode.Conflict, "COUPON_UNAVAILABLE");
        await AssertStillCancelledAsync(order);
        Assert.Equal(10, await _client.StockAsync(order.ProductId));
    }

    [Fact]
    public async Task An_order_its_shopper_cancelled_or_still_pending_is_refused_409_and_an_unknown_one_404()
    {
        var cancelled = await _client.PlacedOrderAsync();
        using (var cancel = await _client.CancelAsync(cancelled.Token, cancelled.Id))
        {
            await cancel.ExpectAsync(HttpStatusCode.OK);
        }

        var pending = await _client.PlacedOrderAsync();
        var payments = await _client.PaymentsTokenAsync();

        using var notExpired = await ReviveAsync(payments, cancelled.Id);
        using var notCancelled = await ReviveAsync(payments, pending.Id);
        using var unknown = await ReviveAsync(payments, Guid.CreateVersion7());

        await notExpired.ExpectErrorAsync(HttpStatusCode.Conflict, "ORDER_NOT_EXPIRED");
        await notCancelled.ExpectErrorAsync(HttpStatusCode.Conflict, "ORDER_NOT_CANCELLED");
        await unknown.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await AssertStillCancelledAsync(cancelled);
        Assert.Equal("pending", (await _client.OrderAsync(pending.Id, pending.Token)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Reviving_needs_a_service_token_with_the_payments_scope_401_anonymous_403_customer_or_reader()
    {
        var order = await _client.PlacedOrderAsync();
        var reader = await _client.ServiceTokenAsync(OrderingFactory.ReportsClient, OrderingFactory.ClientSecret);

        using var anonymous = await ReviveAsync(null, order.Id);
        using var customer = await ReviveAsync(order.Token, order.Id);
        using var admin = await ReviveAsync(order.AdminToken, order.Id);
        using var readOnly = await ReviveAsync(reader, order.Id);

        await anonymous.ExpectErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await customer.ExpectErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await admin.ExpectErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await readOnly.ExpectErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task The_http_client_answers_revived_a_refusal_code_or_null_as_the_in_process_one_does()
    {
        var expired = await _client.PlacedOrderAsync();
        var cancelled = await _client.PlacedOrderAsync();
        using (var cancel = await _client.CancelAsync(cancelled.Token, cancelled.Id))
        {
            await cancel.ExpectAsync(HttpStatusCode.OK);
        }

        await ExpireAsync(expired, stock: 10);
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _client.PaymentsTokenAsync());
        var remote = new OrderingHttpClient(http, NullLogger<OrderingHttpClient>.Instance);

        var revived = await remote.ReviveAsync(expired.Id, CancellationToken.None);
        var again = await remote.ReviveAsync(expired.Id, CancellationToken.None);
        var refused = await remote.ReviveAsync(cancelled.Id, CancellationToken.None);
        var unknown = await remote.ReviveAsync(Guid.CreateVersion7(), CancellationToken.None);

        Assert.Equal((true, true), (revived!.Revived, again!.Revived));
        Assert.Equal((false, OrderRevivalRefusals.NotExpired, false), (refused!.Revived, refused.Refusal, refused.MayRetry));
        Assert.Null(unknown);
        Assert.Equal("pending", (await _client.OrderAsync(expired.Id, expired.Token)).GetProperty("status").GetString());

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", expired.Token);
        await Assert.ThrowsAsync<OrderingUnavailableException>(() => remote.ReviveAsync(expired.Id, CancellationToken.None));
    }

    private Task<HttpResponseMessage> ReviveAsync(string? token, Guid id)
        => _client.CallAsync(HttpMethod.Post, $"/api/v1/orders/service/{id}/revive", token);

    /// <summary>A new customer's order of a new product with <paramref name="coupon"/>.</summary>
    private async Task<PlacedOrder> CouponOrderAsync(string admin, string coupon, int stock, int quantity)
    {
        var product = await _client.ProductAsync(admin, 25.00m, stock);
        var (userId, email, token) = await _client.RegisterCustomerAsync();
        await _client.AddAsync(token, product, quantity);
        await _client.ApplyCouponAsync(token, coupon);
        using var response = await _client.PlaceOrderAsync(token, Shop.OrderBody(coupon));
        await response.ExpectAsync(HttpStatusCode.Created);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        return new PlacedOrder(data.GetProperty("id").GetGuid(), data.GetProperty("orderNumber").GetString()!, product, userId, email, token, admin);
    }

    /// <summary>Moves the clock past the payment window, cancels the unpaid orders, and waits for the Catalog to give the stock back.</summary>
    /// <summary>How many uses of the coupon <paramref name="code"/> are counted (the admin's coupon list).</summary>
    private async Task<int> TimesRedeemedAsync(string adminToken, string code)
    {
        using var response = await _client.CallAsync(HttpMethod.Get, $"/api/v1/coupons?code={code}", adminToken);
        await response.ExpectAsync(HttpStatusCode.OK);
        var items = (await response.ReadJsonAsync()).GetProperty("data").GetProperty("items");
        return items.EnumerateArray().Single(c => c.GetProperty("code").GetString() == code).GetProperty("timesRedeemed").GetInt32();
    }

    private async Task ExpireAsync(PlacedOrder order, int stock)
    {
        factory.Clock.Advance(PastTheWindow);
        await factory.Services.GetRequiredService<UnpaidOrderExpiry>().CancelExpiredAsync(CancellationToken.None);
        Assert.Equal("cancelled", (await _client.OrderAsync(order.Id, order.Token)).GetProperty("status").GetString());
        Assert.Equal(stock, await MercatoProcess.EventuallyAsync(() => _client.StockAsync(order.ProductId), s => s == stock, TimeSpan.FromSeconds(15)));
    }

    private async Task AssertStillCancelledAsync(PlacedOrder order)
    {
        var stored = await factory.WithOrderingDbAsync(db => db.Orders.AsNoTracking().Include(o => o.StatusHistory).SingleAsync(o => o.Id == order.Id));
        Assert.Equal(OrderStatus.Cancelled, stored.Status);
        Assert.DoesNotContain(stored.StatusHistory, h => h.From == OrderStatus.Cancelled);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteReviveOrderTests(SqliteRevivalOrderingFactory factory) : ReviveOrderTests<SqliteRevivalOrderingFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresReviveOrderTests(PostgresRevivalOrderingFactory factory) : ReviveOrderTests<PostgresRevivalOrderingFactory>(factory);
