using System.Net;
using Mercato.Cart.Carts;
using Mercato.Cart.Tests.Support;
using Mercato.Platform.Http;
using Mercato.Testing;

namespace Mercato.Cart.Tests.Carts;

/// <summary>Guest carts: created by the first write, reached only with their unguessable key.</summary>
public abstract class GuestCartTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CartFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_guests_first_add_creates_a_cart_and_answers_its_key_in_body_and_header()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 49.99m, stock: 10, name: "Laptop Stand");

        using var response = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/items", body: new { productId = product, quantity = 2 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal("Item added to cart", json.GetProperty("message").GetString());
        var data = json.GetProperty("data");
        var key = data.GetProperty("cartKey").GetString()!;
        Assert.Equal(43, key.Length);
        Assert.Equal(key, Assert.Single(response.Headers.GetValues(CartKeyHeader.Name)));
        Assert.Equal(product, data.GetProperty("productId").GetGuid());
        Assert.Equal("Laptop Stand", data.GetProperty("productName").GetString());
        Assert.Equal(49.99m, data.GetProperty("price").GetDecimal());
        Assert.Equal(2, data.GetProperty("quantity").GetInt32());
        Assert.Equal(99.98m, data.GetProperty("subtotal").GetDecimal());
        Assert.EndsWith($"/api/v1/cart/items/{data.GetProperty("id").GetGuid()}", response.Headers.Location!.ToString());

        var cart = await _client.CartAsync(cartKey: key);
        Assert.Equal(key, cart.GetProperty("cartKey").GetString());
        Assert.Equal(JsonNull, cart.GetProperty("userId").ValueKind);
        Assert.Equal(2, cart.GetProperty("itemCount").GetInt32());
        Assert.Equal(99.98m, cart.GetProperty("subtotal").GetDecimal());
    }

    [Fact]
    public async Task Later_writes_with_the_key_go_to_the_same_cart_and_without_it_to_a_new_one()
    {
        var admin = await _client.AdminTokenAsync();
        var first = await _client.ProductAsync(admin, 10m);
        var second = await _client.ProductAsync(admin, 20m);
        var key = (await _client.AddAsync(first, 1)).GetProperty("cartKey").GetString()!;

        var again = await _client.AddAsync(second, 1, cartKey: key);
        var other = await _client.AddAsync(second, 1);

        Assert.Equal(key, again.GetProperty("cartKey").GetString());
        Assert.NotEqual(key, other.GetProperty("cartKey").GetString());
        Assert.Equal(2, (await _client.CartAsync(cartKey: key)).GetProperty("items").GetArrayLength());
        Assert.Equal(1, (await _client.CartAsync(cartKey: other.GetProperty("cartKey").GetString())).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_guest_without_a_key_sees_an_empty_cart_and_no_cart_is_created()
    {
        var before = await factory.WithCartDbAsync(db => Task.FromResult(db.Carts.Count()));

        var cart = await _client.CartAsync();

        Assert.Equal(JsonNull, cart.GetProperty("id").ValueKind);
        Assert.Equal(0, cart.GetProperty("items").GetArrayLength());
        Assert.Equal(0m, cart.GetProperty("total").GetDecimal());
        Assert.Equal(before, await factory.WithCartDbAsync(db => Task.FromResult(db.Carts.Count())));
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("too-short")]
    [InlineData("not a key at all, with spaces and far too long to be one")]
    public async Task A_key_that_matches_no_cart_answers_404_on_every_endpoint(string key)
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 10m);
        var headers = Shop.Key(key);

        foreach (var (method, url, body) in new (HttpMethod, string, object?)[]
        {
            (HttpMethod.Get, "/api/v1/cart", null),
            (HttpMethod.Post, "/api/v1/cart/items", new { productId = product, quantity = 1 }),
            (HttpMethod.Put, $"/api/v1/cart/items/{Guid.NewGuid()}", new { quantity = 1 }),
            (HttpMethod.Patch, $"/api/v1/cart/items/{Guid.NewGuid()}", new { change = 1 }),
            (HttpMethod.Delete, $"/api/v1/cart/items/{Guid.NewGuid()}", null),
            (HttpMethod.Delete, "/api/v1/cart", null),
            (HttpMethod.Post, "/api/v1/cart/apply-coupon", new { couponCode = "SAVE20" }),
            (HttpMethod.Delete, "/api/v1/cart/coupon", null),
        })
        {
            using var response = await _client.CallAsync(method, url, body: body, headers: headers);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url}: {(int)response.StatusCode}");
            Assert.Equal("NOT_FOUND", (await response.ReadErrorAsync()).ErrorCodes()[0]);
        }
    }

    [Fact]
    public async Task One_guests_line_ids_do_not_reach_another_guests_cart()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 10m);
        var mine = await _client.AddAsync(product, 1);
        var theirs = await _client.AddAsync(product, 3);
        var theirKey = theirs.GetProperty("cartKey").GetString();
        var myKey = Shop.Key(mine.GetProperty("cartKey").GetString());

        using var put = await _client.CallAsync(HttpMethod.Put, $"/api/v1/cart/items/{theirs.GetProperty("id").GetGuid()}", body: new { quantity = 1 }, headers: myKey);
        using var delete = await _client.CallAsync(HttpMethod.Delete, $"/api/v1/cart/items/{theirs.GetProperty("id").GetGuid()}", headers: myKey);

        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(3, (await _client.CartAsync(cartKey: theirKey)).GetProperty("items")[0].GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task The_key_is_stored_only_as_a_hash()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 10m);
        var key = (await _client.AddAsync(product, 1)).GetProperty("cartKey").GetString()!;

        var stored = await factory.WithCartDbAsync(db => Task.FromResult(db.Carts.Select(c => c.KeyHash).ToList()));

        Assert.DoesNotContain(key, stored);
        Assert.Contains(CartKeys.Hash(key), stored);
    }

    [Fact]
    public async Task A_signed_in_user_sending_a_guest_key_gets_their_own_cart_not_the_guests()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 10m);
        var guestKey = (await _client.AddAsync(product, 4)).GetProperty("cartKey").GetString();
        var (userId, _, token) = await _client.RegisterCustomerAsync();

        var cart = await _client.CartAsync(token, guestKey);

        Assert.Equal(userId, cart.GetProperty("userId").GetGuid());
        Assert.Equal(0, cart.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonNull, cart.GetProperty("cartKey").ValueKind);
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;
}

/// <summary>On SQLite.</summary>
public sealed class SqliteGuestCartTests(CartFactory factory) : GuestCartTests<CartFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresGuestCartTests(PostgresCartFactory factory) : GuestCartTests<PostgresCartFactory>(factory);
