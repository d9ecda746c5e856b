using System.Net;
using Mercato.Cart.Coupons;
using Mercato.Cart.Tests.Support;
using Mercato.Testing;

namespace Mercato.Cart.Tests.Carts;

/// <summary>The cart's figures, coupons on the cart, and lines that follow the catalog.</summary>
public abstract class CartTotalsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CartFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Seed_004s_cart_with_a_20_percent_coupon_shows_exactly_its_figures()
    {
        var admin = await _client.AdminTokenAsync();
        var headphones = await _client.ProductAsync(admin, 299.99m, name: "Wireless Headphones");
        var watch = await _client.ProductAsync(admin, 399.99m, name: "Smart Watch");
        var (_, _, token) = await _client.RegisterCustomerAsync();
        await _client.AddAsync(headphones, 2, token);
        await _client.AddAsync(watch, 1, token);
        var code = await factory.CouponAsync(CouponType.Percentage, 20m);

        var before = await _client.CartAsync(token);
        using var applied = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/apply-coupon", token, new { couponCode = code.ToLowerInvariant() });
        var after = await _client.CartAsync(token);

        Assert.Equal(999.97m, before.GetProperty("subtotal").GetDecimal());
        Assert.Equal(0m, before.GetProperty("discount").GetDecimal());
        Assert.Equal(80.00m, before.GetProperty("tax").GetDecimal());
        Assert.Equal(1079.97m, before.GetProperty("total").GetDecimal());
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var json = await applied.ReadJsonAsync();
        Assert.Equal("Coupon applied successfully", json.GetProperty("message").GetString());
        var data = json.GetProperty("data");
        Assert.Equal(code, data.GetProperty("couponCode").GetString());
        Assert.Equal("percentage", data.GetProperty("discountType").GetString());
        Assert.Equal(20m, data.GetProperty("discountValue").GetDecimal());
        Assert.Equal(199.99m, data.GetProperty("discountAmount").GetDecimal());
        Assert.Equal(999.97m, data.GetProperty("subtotal").GetDecimal());
        Assert.Equal(199.99m, data.GetProperty("discount").GetDecimal());
        Assert.Equal(64.00m, data.GetProperty("tax").GetDecimal());
        Assert.Equal(863.98m, data.GetProperty("total").GetDecimal());
        Assert.Equal(863.98m, after.GetProperty("total").GetDecimal());
        Assert.Equal(code, after.GetProperty("couponCode").GetString());
        Assert.True(after.GetProperty("coupon").GetProperty("valid").GetBoolean());
        var lines = after.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(199.99m, lines.Sum(l => l.GetProperty("discount").GetDecimal()));
        Assert.Equal(799.98m, lines.Sum(l => l.GetProperty("priceAfterDiscount").GetDecimal()));
        Assert.All(lines, l => Assert.Equal(l.GetProperty("price").GetDecimal(), l.GetProperty("pricePerItem").GetDecimal()));
    }

    [Fact]
    public async Task A_fixed_coupon_limited_to_a_category_discounts_only_its_lines_and_never_more_than_them()
    {
        var admin = await _client.AdminTokenAsync();
        var books = await _client.CategoryAsync(admin);
        var book = await _client.ProductAsync(admin, 15m, categoryId: books);
        var lamp = await _client.ProductAsync(admin, 40m);
        var (_, _, token) = await _client.RegisterCustomerAsync();
        await _client.AddAsync(book, 2, token);
        await _client.AddAsync(lamp, 1, token);
        var code = await factory.CouponAsync(CouponType.FixedAmount, 50m, c => c.CategoryIds = [books]);

        using var applied = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/apply-coupon", token, new { couponCode = code });

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var cart = await _client.CartAsync(token);
        Assert.Equal(70m, cart.GetProperty("subtotal").GetDecimal());
        Assert.Equal(30m, cart.GetProperty("discount").GetDecimal());
        Assert.Equal(3.20m, cart.GetProperty("tax").GetDecimal());
        Assert.Equal(43.20m, cart.GetProperty("total").GetDecimal());
        var lines = cart.GetProperty("items").EnumerateArray().ToDictionary(l => l.GetProperty("productId").GetGuid());
        Assert.Equal(30m, lines[book].GetProperty("discount").GetDecimal());
        Assert.Equal(0m, lines[lamp].GetProperty("discount").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(CouponCases.Refusals), MemberType = typeof(CouponCases))]
    public async Task A_coupon_that_cannot_be_used_is_refused_with_a_readable_reason_and_the_cart_is_unchanged(
        string spoiled, HttpStatusCode status, string reason)
    {
        var (token, code) = await CartOf100WithCouponAsync(CouponCases.Spoilers[spoiled]);

        using var response = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/apply-coupon", token, new { couponCode = code });

        Assert.Equal(status, response.StatusCode);
        var error = (await response.ReadErrorAsync()).GetProperty("errors")[0];
        Assert.Equal("couponCode", error.GetProperty("field").GetString());
        Assert.Equal(reason, error.GetProperty("reason").GetString());
        Assert.Contains(code, error.GetProperty("message").GetString());
        var cart = await _client.CartAsync(token);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, cart.GetProperty("couponCode").ValueKind);
        Assert.Equal(108m, cart.GetProperty("total").GetDecimal());
    }

    [Theory]
    [InlineData("NOSUCHCODE", "unknown")]
    [InlineData("bad code!", "unknown")]
    public async Task An_unknown_or_malformed_code_answers_400(string code, string reason)
    {
        var (token, _) = await CartOf100WithCouponAsync(_ => { });

        using var response = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/apply-coupon", token, new { couponCode = code });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(reason, (await response.ReadErrorAsync()).GetProperty("errors")[0].GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"couponCode\":\"\"}")]
    [InlineData("{\"couponCode\":42}")]
    public async Task A_bad_apply_body_answers_400_naming_couponCode(string body)
    {
        var (token, _) = await CartOf100WithCouponAsync(_ => { });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cart/apply-coupon") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", token);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("couponCode", (await response.ReadErrorAsync()).ErrorFields());
    }

    [Fact]
    public async Task A_customer_who_used_the_coupon_as_often_as_allowed_gets_409()
    {
        var (token, code) = await CartOf100WithCouponAsync(c => c.PerCustomerLimit = 1);
        var me = (await _client.CartAsync(token)).GetProperty("userId").GetGuid();
        await factory.WithCartDbAsync(async db =>
        {
            var coupon = db.Coupons.Single(c => c.Code == code);
            db.CouponRedemptions.Add(new CouponRedemption { Id = Guid.CreateVersion7(), CouponId = coupon.Id, OrderId = Guid.NewGuid(), CustomerKey = $"user:{me}", RedeemedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        using var response = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/apply-coupon", token, new { couponCode = code });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("customerLimitReached", (await response.ReadErrorAsync()).GetProperty("errors")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_coupon_that_stops_qualifying_is_shown_invalid_and_grants_nothing_until_it_qualifies_again()
    {
        var (token, code) = await CartOf100WithCouponAsync(c => c.MinimumSubtotal = 100m);
        using var applied = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/apply-coupon", token, new { couponCode = code });
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var line = (await _client.CartAsync(token)).GetProperty("items")[0].GetProperty("id").GetGuid();

        using var lowered = await _client.CallAsync(HttpMethod.Put, $"/api/v1/cart/items/{line}", token, new { quantity = 1 });
        var cart = await _client.CartAsync(token);

        Assert.Equal(code, cart.GetProperty("couponCode").GetString());
        var coupon = cart.GetProperty("coupon");
        Assert.False(coupon.GetProperty("valid").GetBoolean());
        Assert.Equal("minimumNotMet", coupon.GetProperty("reason").GetString());
        Assert.Equal(0m, cart.GetProperty("discount").GetDecimal());
        Assert.Equal(54m, cart.GetProperty("total").GetDecimal());

        using var raised = await _client.CallAsync(HttpMethod.Put, $"/api/v1/cart/items/{line}", token, new { quantity = 2 });
        Assert.Equal(10m, (await _client.CartAsync(token)).GetProperty("discount").GetDecimal());
    }

    [Fact]
    public async Task Removing_the_coupon_answers_the_cart_without_it()
    {
        var (token, code) = await CartOf100WithCouponAsync(_ => { });
        using var applied = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/apply-coupon", token, new { couponCode = code });

        using var removed = await _client.CallAsync(HttpMethod.Delete, "/api/v1/cart/coupon", token);

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var data = (await removed.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("couponCode").ValueKind);
        Assert.Equal(108m, data.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task A_price_change_in_the_catalog_reprices_the_line_and_flags_it()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 20m);
        var (_, _, token) = await _client.RegisterCustomerAsync();
        var line = (await _client.AddAsync(product, 2, token)).GetProperty("id").GetGuid();

        using var repriced = await _client.CallAsync(HttpMethod.Patch, $"/api/v1/products/{product}", admin, new { price = 25m });
        Assert.Equal(HttpStatusCode.OK, repriced.StatusCode);

        var item = (await _client.CartAsync(token)).GetProperty("items")[0];
        Assert.Equal(25m, item.GetProperty("price").GetDecimal());
        Assert.Equal(50m, item.GetProperty("subtotal").GetDecimal());
        Assert.True(item.GetProperty("priceChanged").GetBoolean());
        Assert.Equal(20m, item.GetProperty("priceWhenAdded").GetDecimal());
        var stored = await MercatoProcess.EventuallyAsync(
            () => factory.StoredLinesAsync(product), lines => lines.All(l => l.UnitPrice == 25m), TimeSpan.FromSeconds(10));
        Assert.All(stored, l => Assert.Equal(20m, l.PriceWhenAdded));

        using var accepted = await _client.CallAsync(HttpMethod.Put, $"/api/v1/cart/items/{line}", token, new { quantity = 2 });
        Assert.False((await _client.CartAsync(token)).GetProperty("items")[0].GetProperty("priceChanged").GetBoolean());
    }

    [Fact]
    public async Task A_product_deleted_from_the_catalog_is_flagged_unavailable_and_left_out_of_the_totals()
    {
        var admin = await _client.AdminTokenAsync();
        var kept = await _client.ProductAsync(admin, 10m);
        var gone = await _client.ProductAsync(admin, 30m);
        var (_, _, token) = await _client.RegisterCustomerAsync();
        await _client.AddAsync(kept, 1, token);
        await _client.AddAsync(gone, 1, token);

        using var deleted = await _client.CallAsync(HttpMethod.Delete, $"/api/v1/products/{gone}", admin);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var cart = await _client.CartAsync(token);
        var lines = cart.GetProperty("items").EnumerateArray().ToDictionary(l => l.GetProperty("productId").GetGuid());
        Assert.False(lines[gone].GetProperty("available").GetBoolean());
        Assert.Equal(0m, lines[gone].GetProperty("subtotal").GetDecimal());
        Assert.True(lines[kept].GetProperty("available").GetBoolean());
        Assert.Equal(10m, cart.GetProperty("subtotal").GetDecimal());
        Assert.False(cart.GetProperty("canCheckOut").GetBoolean());
        await MercatoProcess.EventuallyAsync(() => factory.StoredLinesAsync(gone), l => l.All(x => !x.Available), TimeSpan.FromSeconds(10));

        using var increase = await _client.CallAsync(HttpMethod.Patch, $"/api/v1/cart/items/{lines[gone].GetProperty("id").GetGuid()}", token, new { change = 1 });
        Assert.Equal(HttpStatusCode.Conflict, increase.StatusCode);
    }

    private async Task<(string Token, string Code)> CartOf100WithCouponAsync(Action<Coupon> configure)
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 50m);
        var (_, _, token) = await _client.RegisterCustomerAsync();
        await _client.AddAsync(product, 2, token);
        return (token, await factory.CouponAsync(CouponType.Percentage, 10m, configure));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteCartTotalsTests(CartFactory factory) : CartTotalsTests<CartFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresCartTotalsTests(PostgresCartFactory factory) : CartTotalsTests<PostgresCartFactory>(factory);
