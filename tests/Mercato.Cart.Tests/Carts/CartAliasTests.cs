using System.Net;
using Mercato.Cart.Tests.Support;
using Mercato.Testing;

namespace Mercato.Cart.Tests.Carts;

/// <summary>
/// Other seeds' names on the cart (seed 000's <c>product_id</c> and <c>cart_key</c>, seed 001's
/// <c>qty</c>) and explicit nulls, on one provider: each alias works, an alias that disagrees
/// with its canonical name is 400 naming it, and nothing changes on a 400.
/// </summary>
public abstract class CartAliasTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CartFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Quantity_null_on_add_answers_400_naming_quantity_and_the_cart_is_unchanged()
    {
        var (product, token) = await ShopperWithProductAsync();
        await _client.AddAsync(product, 2, token);

        using var response = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/items", token, new { productId = product, quantity = (int?)null });

        await AssertBadAsync(response, "VALIDATION_ERROR", "quantity");
        await AssertOneLineAsync(token, 2);
    }

    [Fact]
    public async Task Quantity_null_on_put_and_patch_answers_400_and_the_line_is_unchanged()
    {
        var (product, token) = await ShopperWithProductAsync();
        var line = (await _client.AddAsync(product, 2, token)).GetProperty("id").GetGuid();

        using var put = await _client.CallAsync(HttpMethod.Put, $"/api/v1/cart/items/{line}", token, new { quantity = (int?)null });
        using var patch = await _client.CallAsync(HttpMethod.Patch, $"/api/v1/cart/items/{line}", token, new { quantity = (int?)null, change = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("quantity", (await put.ReadErrorAsync()).ErrorFields());
        await AssertBadAsync(patch, "VALIDATION_ERROR", "quantity");
        await AssertOneLineAsync(token, 2);
    }

    [Fact]
    public async Task Product_id_and_qty_add_to_the_cart_and_qty_sets_a_line()
    {
        var (product, token) = await ShopperWithProductAsync();

        using var added = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/items", token, new { product_id = product, qty = 3 });
        await added.ExpectAsync(HttpStatusCode.Created);
        var line = (await added.ReadJsonAsync()).GetProperty("data");
        Assert.Equal((product, 3), (line.GetProperty("productId").GetGuid(), line.GetProperty("quantity").GetInt32()));

        using var patched = await _client.CallAsync(HttpMethod.Patch, $"/api/v1/cart/items/{line.GetProperty("id").GetGuid()}", token, new { qty = 5 });
        await patched.ExpectAsync(HttpStatusCode.OK);
        await AssertOneLineAsync(token, 5);
    }

    [Fact]
    public async Task An_alias_sent_with_the_same_value_as_its_canonical_name_is_accepted()
    {
        var (product, token) = await ShopperWithProductAsync();

        using var response = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/items", token, new { productId = product, product_id = product, quantity = 2, qty = 2 });

        await response.ExpectAsync(HttpStatusCode.Created);
        await AssertOneLineAsync(token, 2);
    }

    [Fact]
    public async Task An_alias_disagreeing_with_its_canonical_name_answers_400_naming_the_alias_and_nothing_changes()
    {
        var (product, token) = await ShopperWithProductAsync();
        var (other, _) = await ShopperWithProductAsync();
        await _client.AddAsync(product, 1, token);

        using var products = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/items", token, new { productId = product, product_id = other, quantity = 1 });
        using var quantities = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/items", token, new { productId = product, quantity = 2, qty = 3 });

        await AssertBadAsync(products, "VALIDATION_ERROR", "product_id");
        await AssertBadAsync(quantities, "VALIDATION_ERROR", "qty");
        await AssertOneLineAsync(token, 1);
    }

    [Fact]
    public async Task A_guests_cart_key_works_in_the_query_and_in_the_body()
    {
        var (product, _) = await ShopperWithProductAsync();
        var key = (await _client.AddToCartAsync(product, 1)).GetProperty("cartKey").GetString()!;

        using var read = await _client.CallAsync(HttpMethod.Get, $"/api/v1/cart?cart_key={key}");
        await read.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (await read.ReadJsonAsync()).GetProperty("data").GetProperty("itemCount").GetInt32());

        using var added = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/items", body: new { product_id = product, quantity = 2, cart_key = key });
        await added.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(key, (await added.ReadJsonAsync()).GetProperty("data").GetProperty("cartKey").GetString());

        using var header = await _client.CallAsync(HttpMethod.Get, $"/api/v1/cart?cart_key={key}", headers: ShopApi.CartKey(key));
        await header.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(3, (await header.ReadJsonAsync()).GetProperty("data").GetProperty("itemCount").GetInt32());
    }

    [Fact]
    public async Task A_cart_key_disagreeing_with_the_header_answers_400_and_nothing_changes()
    {
        var (product, _) = await ShopperWithProductAsync();
        var key = (await _client.AddToCartAsync(product, 1)).GetProperty("cartKey").GetString()!;
        var other = (await _client.AddToCartAsync(product, 1)).GetProperty("cartKey").GetString()!;

        using var query = await _client.CallAsync(HttpMethod.Get, $"/api/v1/cart?cart_key={other}", headers: ShopApi.CartKey(key));
        using var body = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/items", body: new { productId = product, quantity = 1, cart_key = other }, headers: ShopApi.CartKey(key));

        await AssertBadAsync(query, "VALIDATION_ERROR", "cart_key");
        await AssertBadAsync(body, "VALIDATION_ERROR", "cart_key");
        Assert.Equal(1, (await _client.GetCartAsync(cartKey: key)).GetProperty("itemCount").GetInt32());
        Assert.Equal(1, (await _client.GetCartAsync(cartKey: other)).GetProperty("itemCount").GetInt32());
    }

    [Theory]
    [InlineData("""{"productId":"{id}","quantity":1,"quantity":null}""")]
    [InlineData("""{"productId":"{id}","qty":1,"qty":2}""")]
    public async Task A_body_naming_a_field_twice_answers_400_and_nothing_changes(string template)
    {
        var (product, token) = await ShopperWithProductAsync();
        await _client.AddAsync(product, 1, token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cart/items")
        {
            Content = new StringContent(template.Replace("{id}", product.ToString(), StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["VALIDATION_ERROR"], (await response.ReadErrorAsync()).ErrorCodes());
        await AssertOneLineAsync(token, 1);
    }

    private static async Task AssertBadAsync(HttpResponseMessage response, string code, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal([code], error.ErrorCodes());
        Assert.Equal([field], error.ErrorFields());
    }

    private async Task AssertOneLineAsync(string token, int quantity)
    {
        var line = Assert.Single((await _client.CartAsync(token)).GetProperty("items").EnumerateArray());
        Assert.Equal(quantity, line.GetProperty("quantity").GetInt32());
    }

    private async Task<(Guid Product, string Token)> ShopperWithProductAsync()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 5m, 50);
        var (_, _, token) = await _client.RegisterCustomerAsync();
        return (product, token);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteCartAliasTests(CartFactory factory) : CartAliasTests<CartFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresCartAliasTests(PostgresCartFactory factory) : CartAliasTests<PostgresCartFactory>(factory);
