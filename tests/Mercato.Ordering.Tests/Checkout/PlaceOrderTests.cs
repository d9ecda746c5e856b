using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mercato.Messaging.Outbox;
using Mercato.Ordering.Orders;
using Mercato.Ordering.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Ordering.Tests.Checkout;

/// <summary><c>POST /api/v1/orders</c> on one provider: the order, its stock, its coupon, its cart and its event.</summary>
public abstract partial class PlaceOrderTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OrderingFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_customer_places_their_cart_with_snapshots_equal_totals_reserved_stock_and_an_event()
    {
        var admin = await _client.AdminTokenAsync();
        var headphones = await _client.ProductAsync(admin, 299.99m, stock: 5, name: "Wireless Headphones");
        var cable = await _client.ProductAsync(admin, 10.00m, stock: 3);
        var coupon = await _client.CouponAsync(admin, 20m);
        var (userId, email, token) = await _client.RegisterCustomerAsync();
        await _client.AddAsync(token, headphones, 2);
        await _client.AddAsync(token, cable, 1);
        await _client.ApplyCouponAsync(token, coupon);
        var cart = await _client.CartAsync(token);

        using var response = await _client.PlaceOrderAsync(token, Shop.OrderBody(coupon.ToLowerInvariant(), "Please deliver between 2-5 PM"));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var order = (await response.ReadJsonAsync()).GetProperty("data");
        var id = order.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/orders/{id}", response.Headers.Location?.OriginalString);
        Assert.Matches(NumberPattern(), order.GetProperty("orderNumber").GetString());
        Assert.Equal(userId, order.GetProperty("userId").GetGuid());
        Assert.Equal("pending", order.GetProperty("status").GetString());
        foreach (var figure in new[] { "subtotal", "discount", "tax", "total" })
        {
            Assert.Equal(cart.GetProperty(figure).GetDecimal(), order.GetProperty(figure).GetDecimal());
        }

        Assert.Equal(609.98m, order.GetProperty("subtotal").GetDecimal());
        Assert.Equal(122.00m, order.GetProperty("discount").GetDecimal());
        Assert.Equal(0m, order.GetProperty("shippingCost").GetDecimal());
        Assert.Equal(coupon, order.GetProperty("couponCode").GetString());
        Assert.Equal("Please deliver between 2-5 PM", order.GetProperty("notes").GetString());
        Assert.Equal("New York", order.GetProperty("billingAddress").GetProperty("city").GetString());
        var first = order.GetProperty("items")[0];
        Assert.Equal(("Wireless Headphones", 299.99m, 2, 599.98m), (first.GetProperty("productName").GetString(), first.GetProperty("price").GetDecimal(),
            first.GetProperty("quantity").GetInt32(), first.GetProperty("subtotal").GetDecimal()));
        Assert.StartsWith("SKU-", first.GetProperty("sku").GetString());
        var created = Assert.Single(order.GetProperty("statusHistory").EnumerateArray());
        Assert.Equal(("pending", "Order created"), (created.GetProperty("status").GetString(), created.GetProperty("note").GetString()));

        Assert.Equal((3, 2), (await _client.StockAsync(headphones), await _client.StockAsync(cable)));
        Assert.Empty((await _client.CartAsync(token)).GetProperty("items").EnumerateArray());
        var (stored, events) = await factory.WithOrderingDbAsync(async db => (
            await db.Orders.AsNoTracking().SingleAsync(o => o.Id == id),
            await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Type == "ordering.order-placed.v1").Select(m => m.Payload).ToListAsync()));
        Assert.Equal((OrderStatus.Pending, email), (stored.Status, stored.ContactEmail));
        var placed = JsonDocument.Parse(Assert.Single(events, e => e.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase))).RootElement;
        Assert.Equal(order.GetProperty("orderNumber").GetString(), placed.GetProperty("orderNumber").GetString());
        Assert.Equal(2, placed.GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public async Task A_customer_who_names_no_one_orders_under_their_accounts_name_and_names_in_the_body_win()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 5m, stock: 10);
        var (_, _, token) = await _client.RegisterCustomerAsync("Grace", "Hopper");

        await _client.AddAsync(token, product, 1);
        using var unnamed = await _client.PlaceOrderAsync(token, Shop.OrderBody());
        await _client.AddAsync(token, product, 1);
        using var named = await _client.PlaceOrderAsync(token, new
        {
            shippingAddress = new { street = "1 Elm St", city = "Boston", state = "MA", zipCode = "02101", country = "USA" },
            lastName = "Murray",
        });

        await unnamed.ExpectAsync(HttpStatusCode.Created);
        await named.ExpectAsync(HttpStatusCode.Created);
        var unnamedId = (await unnamed.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetGuid();
        var namedId = (await named.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetGuid();
        var contact = (await unnamed.ReadJsonAsync()).GetProperty("data").GetProperty("contact");
        Assert.Equal(("Grace", "Hopper"), (contact.GetProperty("firstName").GetString(), contact.GetProperty("lastName").GetString()));
        var stored = await factory.WithOrderingDbAsync(db => db.Orders.AsNoTracking()
            .Where(o => o.Id == unnamedId || o.Id == namedId).ToDictionaryAsync(o => o.Id, o => (o.FirstName, o.LastName)));
        Assert.Equal(("Grace", "Hopper"), stored[unnamedId]);
        Assert.Equal((null, "Murray"), stored[namedId]);
    }

    [Fact]
    public async Task The_same_idempotency_key_sent_twice_places_one_order_and_replays_it()
    {
        var (token, product) = await CustomerWithCartAsync(stock: 5, quantity: 1);
        var key = Guid.NewGuid().ToString();

        using var first = await _client.PlaceOrderAsync(token, Shop.OrderBody(), key);
        using var second = await _client.PlaceOrderAsync(token, Shop.OrderBody(), key);

        await first.ExpectAsync(HttpStatusCode.Created);
        await second.ExpectAsync(HttpStatusCode.Created);
        var id = (await first.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetGuid();
        Assert.Equal(id, (await second.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetGuid());
        Assert.Equal(1, await OrdersOfAsync(product));
        Assert.Equal(4, await _client.StockAsync(product));
    }

    [Fact]
    public async Task The_same_idempotency_key_sent_twice_in_parallel_places_one_order()
    {
        var (token, product) = await CustomerWithCartAsync(stock: 5, quantity: 2);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var response = await _client.PlaceOrderAsync(token, Shop.OrderBody(), key);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        // The loser either waits and replays the winner's answer or is told the first is still in progress.
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, r.Body));
        Assert.Equal(1, await OrdersOfAsync(product));
        Assert.Equal(3, await _client.StockAsync(product));
    }

    [Fact]
    public async Task Ten_customers_racing_for_a_coupon_usable_once_place_one_order_and_the_others_keep_their_stock()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 40.00m, stock: 20);
        var coupon = await _client.CouponAsync(admin, 50m, usageLimit: 1);
        var customers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            var (_, _, token) = await _client.RegisterCustomerAsync();
            await _client.AddAsync(token, product, 1);
            await _client.ApplyCouponAsync(token, coupon);
            return token;
        }));

        var responses = await Task.WhenAll(customers.Select(async token =>
        {
            using var response = await _client.PlaceOrderAsync(token, Shop.OrderBody(coupon));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        var placed = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(20.00m, JsonDocument.Parse(placed.Body).RootElement.GetProperty("data").GetProperty("discount").GetDecimal());
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r =>
        {
            Assert.True(r.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, r.Body);
            Assert.Contains("\"couponCode\"", r.Body);
        });
        Assert.Equal(19, await _client.StockAsync(product));
        Assert.Equal(1, await OrdersOfAsync(product));
    }

    [Fact]
    public async Task Without_an_idempotency_key_the_order_is_placed()
    {
        var (token, product) = await CustomerWithCartAsync(stock: 5, quantity: 2);

        using var response = await _client.PlaceOrderAsync(token, Shop.OrderBody(), key: string.Empty);

        await response.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(2, (await response.ReadJsonAsync()).GetProperty("data").GetProperty("items")[0].GetProperty("quantity").GetInt32());
        Assert.Equal(3, await _client.StockAsync(product));
        Assert.Equal(1, await OrdersOfAsync(product));
        Assert.Empty((await _client.CartAsync(token)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_same_cart_submitted_twice_without_a_key_places_one_order_and_the_second_answers_409()
    {
        var (token, product) = await CustomerWithCartAsync(stock: 5, quantity: 2);

        using var first = await _client.PlaceOrderAsync(token, Shop.OrderBody(), key: string.Empty);
        using var second = await _client.PlaceOrderAsync(token, Shop.OrderBody(), key: string.Empty);

        await first.ExpectAsync(HttpStatusCode.Created);
        await second.ExpectAsync(HttpStatusCode.Conflict);
        var error = await second.ReadErrorAsync();
        Assert.Equal(["CONFLICT"], error.ErrorCodes());
        Assert.Equal(["cart"], error.ErrorFields());
        Assert.Equal(1, await OrdersOfAsync(product));
        Assert.Equal(3, await _client.StockAsync(product));
    }

    [Fact]
    public async Task The_same_cart_submitted_twice_at_once_without_a_key_places_one_order()
    {
        var (token, product) = await CustomerWithCartAsync(stock: 5, quantity: 2);

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var response = await _client.PlaceOrderAsync(token, Shop.OrderBody(), key: string.Empty);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.Created);
        Assert.True(loser.StatusCode == HttpStatusCode.Conflict && loser.Body.Contains("\"cart\"", StringComparison.Ordinal), loser.Body);
        Assert.Equal(1, await OrdersOfAsync(product));
        Assert.Equal(3, await _client.StockAsync(product));
    }

    [Fact]
    public async Task An_idempotency_key_reused_with_a_different_body_answers_409_and_places_nothing_more()
    {
        var (token, product) = await CustomerWithCartAsync(stock: 5, quantity: 1);
        var key = Guid.NewGuid().ToString();
        using var first = await _client.PlaceOrderAsync(token, Shop.OrderBody(), key);
        await first.ExpectAsync(HttpStatusCode.Created);
        await _client.AddAsync(token, product, 1);

        using var second = await _client.PlaceOrderAsync(token, Shop.OrderBody(notes: "another"), key);

        await second.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(["Idempotency-Key"], (await second.ReadErrorAsync()).ErrorFields());
        Assert.Equal(1, await OrdersOfAsync(product));
        Assert.Equal(4, await _client.StockAsync(product));
    }

    [Theory]
    [InlineData("shippingAddress", "REQUIRED_FIELD")]
    [InlineData("city", "REQUIRED_FIELD")]
    [InlineData("notes", "VALIDATION_ERROR")]
    [InlineData("couponCode", "VALIDATION_ERROR")]
    public async Task A_bad_body_answers_400_naming_the_field_and_places_nothing(string field, string code)
    {
        var (token, product) = await CustomerWithCartAsync(stock: 5, quantity: 2);
        var address = new { street = "1 Road", city = field == "city" ? "" : "Paris", state = "", zipCode = "75001", country = "France" };
        object body = field switch
        {
            "shippingAddress" => new { notes = "no address" },
            "notes" => new { shippingAddress = address, notes = new string('n', 1001) },
            "couponCode" => new { shippingAddress = address, couponCode = "NOT-ON-THE-CART" },
            _ => new { shippingAddress = address },
        };

        using var response = await _client.PlaceOrderAsync(token, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(code, error.ErrorCodes()[0]);
        Assert.Contains(error.ErrorFields(), f => f.Contains(field, StringComparison.OrdinalIgnoreCase));
        await AssertNothingChangedAsync(token, product, stock: 5, inCart: 2);
    }

    [Fact]
    public async Task An_empty_cart_answers_400()
    {
        var (_, _, token) = await _client.RegisterCustomerAsync();

        using var response = await _client.PlaceOrderAsync(token, Shop.OrderBody());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["cart"], (await response.ReadErrorAsync()).ErrorFields());
    }

    [Fact]
    public async Task Too_little_stock_answers_409_with_what_is_available_and_keeps_the_cart()
    {
        var (token, product) = await CustomerWithCartAsync(stock: 3, quantity: 3);
        var (_, _, other) = await _client.RegisterCustomerAsync();
        await _client.AddAsync(other, product, 2);
        using var earlier = await _client.PlaceOrderAsync(other, Shop.OrderBody());
        await earlier.ExpectAsync(HttpStatusCode.Created);

        using var response = await _client.PlaceOrderAsync(token, Shop.OrderBody());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var error = (await response.ReadErrorAsync()).GetProperty("errors")[0];
        Assert.Equal("INSUFFICIENT_STOCK", error.GetProperty("code").GetString());
        Assert.Equal((1, 3), (error.GetProperty("availableStock").GetInt32(), error.GetProperty("requestedQuantity").GetInt32()));
        await AssertNothingChangedAsync(token, product, stock: 1, inCart: 3, orders: 1);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_and_callers_without_a_customer_role_403()
    {
        var (token, product) = await CustomerWithCartAsync(stock: 5, quantity: 1);
        var service = await _client.ServiceTokenAsync(OrderingFactory.ReportsClient, OrderingFactory.ClientSecret);

        using var anonymous = await _client.PlaceOrderAsync(null, Shop.OrderBody());
        using var forbidden = await _client.PlaceOrderAsync(service, Shop.OrderBody());

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        await AssertNothingChangedAsync(token, product, stock: 5, inCart: 1);
    }

    [Fact]
    public async Task A_hundred_customers_racing_for_ten_units_place_exactly_ten_orders()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 25.00m, stock: 10);
        var customers = new List<string>();
        foreach (var batch in Enumerable.Range(0, 100).Chunk(10))
        {
            customers.AddRange(await Task.WhenAll(batch.Select(async _ =>
            {
                var (_, _, token) = await _client.RegisterCustomerAsync();
                await _client.AddAsync(token, product, 1);
                return token;
            })));
        }

        var responses = await Task.WhenAll(customers.Select(async token =>
        {
            using var response = await _client.PlaceOrderAsync(token, Shop.OrderBody());
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, r.Body));
        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.Conflict), r => Assert.Contains("INSUFFICIENT_STOCK", r.Body));
        Assert.Equal(0, await _client.StockAsync(product));
        Assert.Equal(10, await OrdersOfAsync(product));
        var numbers = responses.Where(r => r.StatusCode == HttpStatusCode.Created)
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("orderNumber").GetString()).ToList();
        Assert.Equal(10, numbers.Distinct().Count());

        // The ledger adds up: 10 on hand from the start, one reservation per placed order and nothing else.
        using var ledgerResponse = await _client.CallAsync(HttpMethod.Get, $"/api/v1/products/{product}/stock/ledger?pageSize=100", admin);
        await ledgerResponse.ExpectAsync(HttpStatusCode.OK);
        var ledger = (await ledgerResponse.ReadJsonAsync()).GetProperty("data").GetProperty("items").EnumerateArray().ToList();
        var placedIds = responses.Where(r => r.StatusCode == HttpStatusCode.Created)
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("id").GetGuid()).Order().ToList();
        var reserves = ledger.Where(e => e.GetProperty("kind").GetString() == "reserve").ToList();
        Assert.Equal(placedIds, reserves.Select(e => e.GetProperty("orderId").GetGuid()).Order());
        Assert.All(reserves, e => Assert.Equal((0, 1), (e.GetProperty("onHandChange").GetInt32(), e.GetProperty("reservedChange").GetInt32())));
        Assert.Equal(10, ledger.Sum(e => e.GetProperty("onHandChange").GetInt32()));
        Assert.Equal(10, ledger.Sum(e => e.GetProperty("reservedChange").GetInt32()));
        Assert.Equal(10, ledger.Max(e => e.GetProperty("reservedAfter").GetInt32()));
        Assert.All(ledger, e => Assert.Equal(10, e.GetProperty("onHandAfter").GetInt32()));
    }

    private async Task<(string Token, Guid Product)> CustomerWithCartAsync(int stock, int quantity)
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 12.50m, stock);
        var (_, _, token) = await _client.RegisterCustomerAsync();
        await _client.AddAsync(token, product, quantity);
        return (token, product);
    }

    private Task<int> OrdersOfAsync(Guid product)
        => factory.WithOrderingDbAsync(db => db.OrderLines.CountAsync(l => l.ProductId == product));

    private async Task AssertNothingChangedAsync(string token, Guid product, int stock, int inCart, int orders = 0)
    {
        Assert.Equal(stock, await _client.StockAsync(product));
        Assert.Equal(orders, await OrdersOfAsync(product));
        var line = Assert.Single((await _client.CartAsync(token)).GetProperty("items").EnumerateArray());
        Assert.Equal(inCart, line.GetProperty("quantity").GetInt32());
    }

    [GeneratedRegex(@"^ORD-\d{4}-\d{6}$")]
    private static partial Regex NumberPattern();
}

/// <summary>On SQLite.</summary>
public sealed class SqlitePlaceOrderTests(OrderingFactory factory) : PlaceOrderTests<OrderingFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresPlaceOrderTests(PostgresOrderingFactory factory) : PlaceOrderTests<PostgresOrderingFactory>(factory);
