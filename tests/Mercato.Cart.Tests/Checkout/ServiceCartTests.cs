using System.Net;
using System.Text.Json;
using Mercato.Cart.Coupons;
using Mercato.Cart.Tests.Discounts;
using Mercato.Cart.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Cart.Tests.Checkout;

/// <summary>The Cart's service-only endpoints (<c>/api/v1/cart/service</c>, scope cart.checkout) on one provider.</summary>
public abstract class ServiceCartTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CartFactory
{
    private const string Url = CheckoutFixtures.CartsUrl;
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_user_s_cart_reads_priced_with_seed_004_s_figures()
    {
        var admin = await _client.AdminTokenAsync();
        var (userId, _, token) = await _client.RegisterCustomerAsync();
        var (_, code) = await _client.SeedCartAsync(factory, admin, token);
        var service = await _client.CheckoutTokenAsync();

        using var response = await _client.CallAsync(HttpMethod.Get, $"{Url}?userId={userId}", service);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        var shopper = await _client.CartAsync(token);
        Assert.Equal(shopper.GetProperty("id").GetGuid(), data.GetProperty("cartId").GetGuid());
        Assert.Equal(userId, data.GetProperty("userId").GetGuid());
        Assert.Equal(999.97m, data.GetProperty("subtotal").GetDecimal());
        Assert.Equal(199.99m, data.GetProperty("discount").GetDecimal());
        Assert.Equal(64.00m, data.GetProperty("tax").GetDecimal());
        Assert.Equal(863.98m, data.GetProperty("total").GetDecimal());
        Assert.Equal(0.08m, data.GetProperty("taxRate").GetDecimal());
        Assert.Equal(code, data.GetProperty("couponCode").GetString());
        Assert.True(data.GetProperty("canCheckOut").GetBoolean());
        var lines = data.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(2, lines.Count);
        var shopperItems = shopper.GetProperty("items").EnumerateArray().ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var (line, item) = (lines[i], shopperItems[i]);
            Assert.Equal(item.GetProperty("id").GetGuid(), line.GetProperty("itemId").GetGuid());
            Assert.Equal(item.GetProperty("productId").GetGuid(), line.GetProperty("productId").GetGuid());
            Assert.Equal(item.GetProperty("productName").GetString(), line.GetProperty("name").GetString());
            Assert.Equal(item.GetProperty("sku").GetString(), line.GetProperty("sku").GetString());
            Assert.Equal(item.GetProperty("productImage").GetString(), line.GetProperty("imageUrl").GetString());
            Assert.Equal(item.GetProperty("discount").GetDecimal(), line.GetProperty("discount").GetDecimal());
            Assert.Equal(item.GetProperty("priceAfterDiscount").GetDecimal(), line.GetProperty("total").GetDecimal());
            Assert.True(line.GetProperty("available").GetBoolean());
            Assert.Equal(100, line.GetProperty("availableStock").GetInt32());
        }

        Assert.Equal((299.99m, 2, 599.98m), (lines[0].GetProperty("unitPrice").GetDecimal(), lines[0].GetProperty("quantity").GetInt32(), lines[0].GetProperty("subtotal").GetDecimal()));
        Assert.Equal((399.99m, 1, 399.99m), (lines[1].GetProperty("unitPrice").GetDecimal(), lines[1].GetProperty("quantity").GetInt32(), lines[1].GetProperty("subtotal").GetDecimal()));
        Assert.Equal(199.99m, lines.Sum(l => l.GetProperty("discount").GetDecimal()));
    }

    [Fact]
    public async Task A_guest_s_cart_reads_by_key_and_names_no_coupon_that_no_longer_applies()
    {
        var admin = await _client.AdminTokenAsync();
        var (cartKey, code) = await _client.SeedCartAsync(factory, admin, token: null);
        await factory.WithCartDbAsync(db => db.Coupons.Where(c => c.Code == code).ExecuteUpdateAsync(s => s.SetProperty(c => c.Active, false)));
        var service = await _client.CheckoutTokenAsync();

        using var response = await _client.CallAsync(HttpMethod.Get, Url, service, headers: Shop.Key(cartKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(JsonValueKind.Null, data.GetProperty("userId").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("couponCode").ValueKind);
        Assert.Equal((999.97m, 0m, 80.00m, 1079.97m), (
            data.GetProperty("subtotal").GetDecimal(), data.GetProperty("discount").GetDecimal(),
            data.GetProperty("tax").GetDecimal(), data.GetProperty("total").GetDecimal()));
        Assert.All(data.GetProperty("lines").EnumerateArray(), l => Assert.Equal(0m, l.GetProperty("discount").GetDecimal()));
    }

    [Fact]
    public async Task A_line_short_of_stock_makes_the_cart_not_checkoutable()
    {
        var admin = await _client.AdminTokenAsync();
        var (userId, _, token) = await _client.RegisterCustomerAsync();
        var product = await _client.ProductAsync(admin, 10m, stock: 3);
        await _client.AddAsync(product, 3, token);
        using (var stock = await _client.CallAsync(HttpMethod.Put, $"/api/v1/products/{product}/stock", admin, new { stock = 1, reason = "count" }))
        {
            Assert.Equal(HttpStatusCode.OK, stock.StatusCode);
        }

        using var response = await _client.CallAsync(HttpMethod.Get, $"{Url}?userId={userId}", await _client.CheckoutTokenAsync());

        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.False(data.GetProperty("canCheckOut").GetBoolean());
        Assert.Equal(1, data.GetProperty("lines")[0].GetProperty("availableStock").GetInt32());
    }

    [Fact]
    public async Task Clearing_empties_a_user_s_or_a_guest_s_cart_and_the_guest_key_stays_valid()
    {
        var admin = await _client.AdminTokenAsync();
        var (userId, _, token) = await _client.RegisterCustomerAsync();
        await _client.SeedCartAsync(factory, admin, token);
        var (cartKey, _) = await _client.SeedCartAsync(factory, admin, token: null);
        var service = await _client.CheckoutTokenAsync();

        foreach (var (query, headers) in new[] { ($"?userId={userId}", Shop.Key(null)), (string.Empty, Shop.Key(cartKey)) })
        {
            using (var cleared = await _client.CallAsync(HttpMethod.Delete, Url + query, service, headers: headers))
            {
                Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
            }

            using var read = await _client.CallAsync(HttpMethod.Get, Url + query, service, headers: headers);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            var data = (await read.ReadJsonAsync()).GetProperty("data");
            Assert.Equal(0, data.GetProperty("lines").GetArrayLength());
            Assert.Equal((0m, JsonValueKind.Null, false), (data.GetProperty("total").GetDecimal(), data.GetProperty("couponCode").ValueKind, data.GetProperty("canCheckOut").GetBoolean()));
        }

        Assert.Equal(0, (await _client.CartAsync(token)).GetProperty("items").GetArrayLength());
        var guest = await _client.CartAsync(cartKey: cartKey);
        Assert.Equal(0, guest.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, guest.GetProperty("couponCode").ValueKind);
    }

    [Fact]
    public async Task A_cart_that_does_not_exist_answers_404_to_read_and_clear()
    {
        var service = await _client.CheckoutTokenAsync();
        var (userWithoutCart, _, _) = await _client.RegisterCustomerAsync();
        var targets = new[]
        {
            ($"?userId={userWithoutCart}", Shop.Key(null)),
            ($"?userId={Guid.NewGuid()}", Shop.Key(null)),
            (string.Empty, Shop.Key("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")),
            (string.Empty, Shop.Key("not-a-key")),
        };

        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Delete })
        {
            foreach (var (query, headers) in targets)
            {
                using var response = await _client.CallAsync(method, Url + query, service, headers: headers);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {query} {headers.Values.FirstOrDefault()}: {response.StatusCode}");
                Assert.Equal(["NOT_FOUND"], (await response.ReadErrorAsync()).ErrorCodes());
            }
        }

        Assert.False(await factory.WithCartDbAsync(db => db.Carts.AnyAsync(c => c.UserId == userWithoutCart)));
    }

    [Fact]
    public async Task Neither_both_or_a_bad_user_id_answers_400_naming_userId()
    {
        var service = await _client.CheckoutTokenAsync();
        var key = Shop.Key("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        var cases = new[]
        {
            (string.Empty, Shop.Key(null)),
            ($"?userId={Guid.NewGuid()}", key),
            ("?userId=abc", Shop.Key(null)),
            ($"?userId={Guid.Empty}", Shop.Key(null)),
        };

        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Delete })
        {
            foreach (var (query, headers) in cases)
            {
                using var response = await _client.CallAsync(method, Url + query, service, headers: headers);
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {query}: {response.StatusCode}");
                Assert.Equal(["userId"], (await response.ReadErrorAsync()).ErrorFields());
            }
        }
    }

    [Fact]
    public async Task Every_service_endpoint_answers_401_anonymous_and_403_to_a_customer_or_a_service_without_the_scope()
    {
        var admin = await _client.AdminTokenAsync();
        var (userId, _, customer) = await _client.RegisterCustomerAsync();
        await _client.SeedCartAsync(factory, admin, customer);
        var code = await factory.CouponAsync(CouponType.Percentage, 10m);
        var reports = await _client.ReportsTokenAsync();
        var calls = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, $"{Url}?userId={userId}", null),
            (HttpMethod.Delete, $"{Url}?userId={userId}", null),
            (HttpMethod.Post, CouponFixtures.RedeemUrl, new { orderId = Guid.NewGuid(), couponCode = code, customerId = userId }),
            (HttpMethod.Post, CouponFixtures.ReleaseUrl, new { orderId = Guid.NewGuid() }),
        };

        foreach (var (method, url, body) in calls)
        {
            using var anonymous = await _client.CallAsync(method, url, null, body);
            Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"{method} {url}: {anonymous.StatusCode}");
            Assert.Equal(["UNAUTHORIZED"], (await anonymous.ReadErrorAsync()).ErrorCodes());
            foreach (var token in new[] { customer, admin, reports })
            {
                using var forbidden = await _client.CallAsync(method, url, token, body);
                Assert.True(forbidden.StatusCode == HttpStatusCode.Forbidden, $"{method} {url}: {forbidden.StatusCode}");
                Assert.Equal(["FORBIDDEN"], (await forbidden.ReadErrorAsync()).ErrorCodes());
            }
        }

        Assert.Equal(2, (await _client.CartAsync(customer)).GetProperty("items").GetArrayLength());
        Assert.Equal((0, 0), await Uses(code));
    }

    [Fact]
    public async Task Bad_redeem_and_release_bodies_answer_400_naming_the_field_and_count_nothing()
    {
        var service = await _client.CheckoutTokenAsync();
        var code = await factory.CouponAsync(CouponType.Percentage, 10m);
        var orderId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        var redeems = new (object Body, string Field)[]
        {
            (new { couponCode = code, customerId }, "orderId"),
            (new { orderId = Guid.Empty, couponCode = code, customerId }, "orderId"),
            (new { orderId = "order-1", couponCode = code, customerId }, "orderId"),
            (new { orderId, customerId }, "couponCode"),
            (new { orderId, couponCode = "", customerId }, "couponCode"),
            (new { orderId, couponCode = new string('C', 41), customerId }, "couponCode"),
            (new { orderId, couponCode = code }, "customerEmail"),
            (new { orderId, couponCode = code, customerEmail = "not-an-email" }, "customerEmail"),
            (new { orderId, couponCode = code, customerId = Guid.Empty }, "customerId"),
        };

        foreach (var (body, field) in redeems)
        {
            using var response = await _client.CallAsync(HttpMethod.Post, CouponFixtures.RedeemUrl, service, body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Contains(field, (await response.ReadErrorAsync()).ErrorFields());
        }

        foreach (var (body, field) in new (object Body, string Field)[] { (new { }, "orderId"), (new { orderId = "x" }, "orderId"), (new { orderId = Guid.Empty }, "orderId") })
        {
            using var response = await _client.CallAsync(HttpMethod.Post, CouponFixtures.ReleaseUrl, service, body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"release {field}: {response.StatusCode}");
            Assert.Contains(field, (await response.ReadErrorAsync()).ErrorFields());
        }

        foreach (var url in new[] { CouponFixtures.RedeemUrl, CouponFixtures.ReleaseUrl })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("{\"orderId\":", System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new("Bearer", service);
            using var malformed = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            Assert.Equal(["INVALID_FORMAT"], (await malformed.ReadErrorAsync()).ErrorCodes());
        }

        Assert.Equal((0, 0), await Uses(code));
    }

    private async Task<(int, int)> Uses(string code)
    {
        var (times, orders) = await factory.UsesAsync(code);
        return (times, orders.Count);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteServiceCartTests(CartFactory factory) : ServiceCartTests<CartFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresServiceCartTests(PostgresCartFactory factory) : ServiceCartTests<PostgresCartFactory>(factory);
