using System.Net;
using Mercato.Cart.Tests.Support;
using Mercato.Testing;

namespace Mercato.Cart.Tests.Carts;

/// <summary>A signed-in shopper's lines: add, set, change, remove, clear; stock and ownership.</summary>
public abstract class CartLineTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CartFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Adding_a_product_already_in_the_cart_adds_to_its_line()
    {
        var (product, token) = await ShopperWithProductAsync(price: 12.50m, stock: 10);

        var first = await _client.AddAsync(product, 2, token);
        var second = await _client.AddAsync(product, 3, token);

        Assert.Equal(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
        Assert.Equal(5, second.GetProperty("quantity").GetInt32());
        Assert.Equal(62.50m, second.GetProperty("subtotal").GetDecimal());
        Assert.False(second.TryGetProperty("cartKey", out _));
        var cart = await _client.CartAsync(token);
        Assert.Equal(1, cart.GetProperty("items").GetArrayLength());
        Assert.Equal(5, cart.GetProperty("itemCount").GetInt32());
    }

    [Fact]
    public async Task The_quantity_defaults_to_one_and_the_price_always_comes_from_the_catalog()
    {
        var (product, token) = await ShopperWithProductAsync(price: 30m, stock: 10);

        using var response = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/items", token, new { productId = product, price = 0.01m, subtotal = 0.01m });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(1, data.GetProperty("quantity").GetInt32());
        Assert.Equal(30m, data.GetProperty("price").GetDecimal());
        Assert.Equal(30m, (await _client.CartAsync(token)).GetProperty("subtotal").GetDecimal());
    }

    [Fact]
    public async Task Put_sets_the_quantity_and_answers_the_line()
    {
        var (product, token) = await ShopperWithProductAsync(price: 299.99m, stock: 10);
        var line = (await _client.AddAsync(product, 1, token)).GetProperty("id").GetGuid();

        using var response = await _client.CallAsync(HttpMethod.Put, $"/api/v1/cart/items/{line}", token, new { quantity = 3 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal("Cart item updated", json.GetProperty("message").GetString());
        Assert.Equal(3, json.GetProperty("data").GetProperty("quantity").GetInt32());
        Assert.Equal(899.97m, json.GetProperty("data").GetProperty("subtotal").GetDecimal());
    }

    [Fact]
    public async Task Patch_changes_the_quantity_by_plus_or_minus_n_or_sets_it()
    {
        var (product, token) = await ShopperWithProductAsync(price: 5m, stock: 10);
        var line = (await _client.AddAsync(product, 2, token)).GetProperty("id").GetGuid();

        Assert.Equal(5, await PatchAsync(line, token, new { change = 3 }));
        Assert.Equal(4, await PatchAsync(line, token, new { change = -1 }));
        Assert.Equal(7, await PatchAsync(line, token, new { quantity = 7 }));
    }

    [Fact]
    public async Task Patching_down_to_zero_removes_the_line()
    {
        var (product, token) = await ShopperWithProductAsync(price: 5m, stock: 10);
        var line = (await _client.AddAsync(product, 2, token)).GetProperty("id").GetGuid();

        using var response = await _client.CallAsync(HttpMethod.Patch, $"/api/v1/cart/items/{line}", token, new { change = -5 });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, (await _client.CartAsync(token)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Delete_removes_a_line_and_delete_cart_empties_it_and_its_coupon()
    {
        var (product, token) = await ShopperWithProductAsync(price: 100m, stock: 10);
        var other = await _client.ProductAsync(await _client.AdminTokenAsync(), 50m);
        var line = (await _client.AddAsync(product, 1, token)).GetProperty("id").GetGuid();
        await _client.AddAsync(other, 1, token);
        var code = await factory.CouponAsync(Coupons.CouponType.Percentage, 10m);
        using var applied = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/apply-coupon", token, new { couponCode = code });
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);

        using var removed = await _client.CallAsync(HttpMethod.Delete, $"/api/v1/cart/items/{line}", token);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(1, (await _client.CartAsync(token)).GetProperty("items").GetArrayLength());
        using var again = await _client.CallAsync(HttpMethod.Delete, $"/api/v1/cart/items/{line}", token);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);

        using var cleared = await _client.CallAsync(HttpMethod.Delete, "/api/v1/cart", token);
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        var cart = await _client.CartAsync(token);
        Assert.Equal(0, cart.GetProperty("items").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, cart.GetProperty("couponCode").ValueKind);
        Assert.Equal(0m, cart.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task Another_users_line_answers_404_and_stays_as_it_was()
    {
        var (product, owner) = await ShopperWithProductAsync(price: 5m, stock: 10);
        var line = (await _client.AddAsync(product, 2, owner)).GetProperty("id").GetGuid();
        var (_, _, stranger) = await _client.RegisterCustomerAsync();
        await _client.AddAsync(product, 1, stranger);

        using var put = await _client.CallAsync(HttpMethod.Put, $"/api/v1/cart/items/{line}", stranger, new { quantity = 9 });
        using var patch = await _client.CallAsync(HttpMethod.Patch, $"/api/v1/cart/items/{line}", stranger, new { change = 1 });
        using var delete = await _client.CallAsync(HttpMethod.Delete, $"/api/v1/cart/items/{line}", stranger);
        using var anonymous = await _client.CallAsync(HttpMethod.Put, $"/api/v1/cart/items/{line}", body: new { quantity = 9 });

        Assert.All(new[] { put, patch, delete, anonymous }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(2, (await _client.CartAsync(owner)).GetProperty("items")[0].GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task More_than_the_available_stock_answers_409_with_the_seeds_stock_error_and_changes_nothing()
    {
        var (product, token) = await ShopperWithProductAsync(price: 5m, stock: 5);
        var line = (await _client.AddAsync(product, 3, token)).GetProperty("id").GetGuid();

        using var add = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/items", token, new { productId = product, quantity = 3 });
        using var put = await _client.CallAsync(HttpMethod.Put, $"/api/v1/cart/items/{line}", token, new { quantity = 6 });
        using var patch = await _client.CallAsync(HttpMethod.Patch, $"/api/v1/cart/items/{line}", token, new { change = 4 });

        foreach (var (response, requested) in new[] { (add, 6), (put, 6), (patch, 7) })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var error = (await response.ReadErrorAsync()).GetProperty("errors")[0];
            Assert.Equal("INSUFFICIENT_STOCK", error.GetProperty("code").GetString());
            Assert.Equal("quantity", error.GetProperty("field").GetString());
            Assert.Equal(5, error.GetProperty("availableStock").GetInt32());
            Assert.Equal(requested, error.GetProperty("requestedQuantity").GetInt32());
            Assert.Equal($"Only 5 items available, requested {requested}", error.GetProperty("message").GetString());
        }

        Assert.Equal(3, (await _client.CartAsync(token)).GetProperty("items")[0].GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task Lowering_a_quantity_is_allowed_even_when_stock_has_fallen_below_it()
    {
        var (product, token) = await ShopperWithProductAsync(price: 5m, stock: 10);
        var line = (await _client.AddAsync(product, 8, token)).GetProperty("id").GetGuid();
        var admin = await _client.AdminTokenAsync();
        using var set = await _client.CallAsync(HttpMethod.Put, $"/api/v1/products/{product}/stock", admin, new { stock = 3, reason = "count" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var cart = await _client.CartAsync(token);
        Assert.False(cart.GetProperty("items")[0].GetProperty("inStock").GetBoolean());
        Assert.Equal(3, cart.GetProperty("items")[0].GetProperty("availableStock").GetInt32());
        Assert.False(cart.GetProperty("canCheckOut").GetBoolean());

        Assert.Equal(5, await PatchAsync(line, token, new { change = -3 }));
        Assert.Equal(3, await PatchAsync(line, token, new { quantity = 3 }));
        Assert.True((await _client.CartAsync(token)).GetProperty("canCheckOut").GetBoolean());
    }

    [Fact]
    public async Task An_unknown_product_answers_404_and_an_unpublished_one_409()
    {
        var (_, token) = await ShopperWithProductAsync(price: 5m, stock: 10);
        var admin = await _client.AdminTokenAsync();
        var hidden = await _client.ProductAsync(admin, 5m);
        using var unpublish = await _client.CallAsync(HttpMethod.Patch, $"/api/v1/products/{hidden}", admin, new { available = false });
        Assert.Equal(HttpStatusCode.OK, unpublish.StatusCode);

        using var unknown = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/items", token, new { productId = Guid.NewGuid(), quantity = 1 });
        using var unpublished = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/items", token, new { productId = hidden, quantity = 1 });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("productId", (await unknown.ReadErrorAsync()).ErrorFields()[0]);
        Assert.Equal(HttpStatusCode.Conflict, unpublished.StatusCode);
        Assert.Equal(0, (await _client.CartAsync(token)).GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("{}", "productId")]
    [InlineData("{\"productId\":\"00000000-0000-0000-0000-000000000000\",\"quantity\":1}", "productId")]
    [InlineData("{\"productId\":\"not-a-guid\",\"quantity\":1}", "productId")]
    [InlineData("{\"productId\":\"{P}\",\"quantity\":0}", "quantity")]
    [InlineData("{\"productId\":\"{P}\",\"quantity\":-2}", "quantity")]
    [InlineData("{\"productId\":\"{P}\",\"quantity\":100}", "quantity")]
    [InlineData("{\"productId\":\"{P}\",\"quantity\":\"two\"}", "quantity")]
    [InlineData("{\"productId\":\"{P}\",\"quantity\":1.5}", "quantity")]
    public async Task A_bad_add_body_answers_400_naming_the_field_and_creates_no_cart(string body, string field)
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 5m);
        var carts = await factory.WithCartDbAsync(db => Task.FromResult(db.Carts.Count()));
        using var content = new StringContent(body.Replace("{P}", product.ToString()), System.Text.Encoding.UTF8, "application/json");

        using var response = await _client.PostAsync("/api/v1/cart/items", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.ReadErrorAsync()).ErrorFields());
        Assert.Equal(carts, await factory.WithCartDbAsync(db => Task.FromResult(db.Carts.Count())));
    }

    [Theory]
    [InlineData("PUT", "{}", "quantity")]
    [InlineData("PUT", "{\"quantity\":0}", "quantity")]
    [InlineData("PUT", "{\"quantity\":100}", "quantity")]
    [InlineData("PATCH", "{}", "change")]
    [InlineData("PATCH", "{\"change\":0}", "change")]
    [InlineData("PATCH", "{\"change\":1,\"quantity\":2}", "change")]
    [InlineData("PATCH", "{\"quantity\":0}", "quantity")]
    [InlineData("PATCH", "{\"change\":\"one\"}", "change")]
    public async Task A_bad_quantity_body_answers_400_naming_the_field_and_changes_nothing(string method, string body, string field)
    {
        var (product, token) = await ShopperWithProductAsync(price: 5m, stock: 10);
        var line = (await _client.AddAsync(product, 2, token)).GetProperty("id").GetGuid();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/cart/items/{line}")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", token);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.ReadErrorAsync()).ErrorFields());
        Assert.Equal(2, (await _client.CartAsync(token)).GetProperty("items")[0].GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task Malformed_json_and_a_bad_item_id_answer_4xx_in_the_envelope()
    {
        var (_, token) = await ShopperWithProductAsync(price: 5m, stock: 10);
        using var content = new StringContent("{\"productId\":", System.Text.Encoding.UTF8, "application/json");
        using var malformed = await _client.PostAsync("/api/v1/cart/items", content);
        using var badId = await _client.CallAsync(HttpMethod.Put, "/api/v1/cart/items/not-a-guid", token, new { quantity = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        await malformed.ReadErrorAsync();
        Assert.Equal(HttpStatusCode.NotFound, badId.StatusCode);
        await badId.ReadErrorAsync();
    }

    [Fact]
    public async Task Parallel_adds_to_one_cart_lose_no_unit()
    {
        var (product, token) = await ShopperWithProductAsync(price: 1m, stock: 100);
        await _client.AddAsync(product, 1, token);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            _client.CallAsync(HttpMethod.Post, "/api/v1/cart/items", token, new { productId = product, quantity = 2 })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var cart = await _client.CartAsync(token);
        Assert.Equal(41, cart.GetProperty("items")[0].GetProperty("quantity").GetInt32());
        Assert.Equal(41m, cart.GetProperty("subtotal").GetDecimal());
    }

    [Fact]
    public async Task Parallel_first_adds_of_a_new_user_make_one_cart()
    {
        var (product, _) = await ShopperWithProductAsync(price: 1m, stock: 100);
        var (userId, _, token) = await _client.RegisterCustomerAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            _client.CallAsync(HttpMethod.Post, "/api/v1/cart/items", token, new { productId = product, quantity = 1 })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(1, await factory.WithCartDbAsync(db => Task.FromResult(db.Carts.Count(c => c.UserId == userId))));
        Assert.Equal(10, (await _client.CartAsync(token)).GetProperty("itemCount").GetInt32());
    }

    private async Task<int> PatchAsync(Guid line, string token, object body)
    {
        using var response = await _client.CallAsync(HttpMethod.Patch, $"/api/v1/cart/items/{line}", token, body);
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("quantity").GetInt32();
    }

    private async Task<(Guid Product, string Token)> ShopperWithProductAsync(decimal price, int stock)
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, price, stock);
        var (_, _, token) = await _client.RegisterCustomerAsync();
        return (product, token);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteCartLineTests(CartFactory factory) : CartLineTests<CartFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresCartLineTests(PostgresCartFactory factory) : CartLineTests<PostgresCartFactory>(factory);
