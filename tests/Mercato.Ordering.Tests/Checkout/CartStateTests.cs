using System.Net;
using Mercato.Ordering.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Ordering.Tests.Checkout;

/// <summary>Placing orders against the cart's state on one provider: one state is ordered once, and a coupon that stopped applying is never dropped silently.</summary>
public abstract class CartStateTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OrderingFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Two_checkouts_of_one_cart_with_different_idempotency_keys_place_one_order_and_hold_its_stock_once()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 20.00m, stock: 10);
        var (_, _, token) = await _client.RegisterCustomerAsync();
        await _client.AddAsync(token, product, 3);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await _client.PlaceOrderAsync(token, Shop.OrderBody());
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        // The losers either read the cart before the winner emptied it (409: ordered already) or after (400: empty cart).
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.True(a.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest, a.Body));
        Assert.Equal(1, await factory.WithOrderingDbAsync(db => db.OrderLines.CountAsync(l => l.ProductId == product)));
        Assert.Equal(7, await _client.StockAsync(product));
    }

    [Fact]
    public async Task The_same_cart_can_be_ordered_again_once_it_has_changed()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 20.00m, stock: 10);
        var (_, _, token) = await _client.RegisterCustomerAsync();
        await _client.AddAsync(token, product, 1);
        using var first = await _client.PlaceOrderAsync(token, Shop.OrderBody());
        await first.ExpectAsync(HttpStatusCode.Created);

        await _client.AddAsync(token, product, 1);
        using var second = await _client.PlaceOrderAsync(token, Shop.OrderBody());

        await second.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(8, await _client.StockAsync(product));
    }

    [Fact]
    public async Task A_coupon_that_stopped_applying_answers_409_naming_it_and_nothing_is_reserved_or_redeemed()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 30.00m, stock: 10);
        var code = "MIN" + Shop.Unique().ToUpperInvariant();
        using (var created = await _client.CallAsync(HttpMethod.Post, "/api/v1/coupons", admin, new
        {
            code, description = "Over 50", discountType = "percentage", discountValue = 10m, minimumSubtotal = 50m,
        }))
        {
            await created.ExpectAsync(HttpStatusCode.Created);
        }

        var (_, _, token) = await _client.RegisterCustomerAsync();
        await _client.AddAsync(token, product, 2);
        await _client.ApplyCouponAsync(token, code);
        var line = (await _client.CartAsync(token)).GetProperty("items")[0].GetProperty("id").GetGuid();
        using (var lowered = await _client.CallAsync(HttpMethod.Put, $"/api/v1/cart/items/{line}", token, new { quantity = 1 }))
        {
            await lowered.ExpectAsync(HttpStatusCode.OK);
        }

        using var response = await _client.PlaceOrderAsync(token, Shop.OrderBody());

        await response.ExpectAsync(HttpStatusCode.Conflict);
        var error = await response.ReadErrorAsync();
        Assert.Contains("couponCode", error.ErrorFields());
        Assert.Contains(code, error.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(10, await _client.StockAsync(product));
        Assert.Equal(0, await factory.WithOrderingDbAsync(db => db.OrderLines.CountAsync(l => l.ProductId == product)));
        Assert.Equal(1, (await _client.CartAsync(token)).GetProperty("items")[0].GetProperty("quantity").GetInt32());
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteCartStateTests(OrderingFactory factory) : CartStateTests<OrderingFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresCartStateTests(PostgresOrderingFactory factory) : CartStateTests<PostgresOrderingFactory>(factory);
