using System.Net;
using Mercato.Ordering.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Ordering.Tests.Checkout;

/// <summary>
/// A guest order in seed 000's field names (<c>cart_key</c> in the body, <c>email</c>,
/// <c>first_name</c>, <c>shipping_address</c>, <c>postcode</c>, ...), on one provider: it is
/// placed like the canonical body; a name that disagrees with its canonical twin is 400 naming it.
/// Seed 000 sends no country: its body places an order where the shop set
/// <c>Ordering:DefaultCountry</c>, and is 400 naming the country where it did not (the default).
/// </summary>
public abstract class SeedAliasOrderTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OrderingFactory, new()
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_guest_order_in_seed_000s_names_with_the_cart_key_in_the_body_is_placed()
    {
        var product = await _client.ProductAsync(await _client.AdminTokenAsync(), 10m, stock: 5);
        var cartKey = await _client.GuestCartAsync(product, 2);

        using var response = await _client.CallAsync(HttpMethod.Post, "/api/v1/orders", body: new
        {
            cart_key = cartKey,
            shipping_address = "221B Baker Street",
            city = "London",
            postcode = "NW1 6XE",
            country = "United Kingdom",
            first_name = "Martha",
            last_name = "Hudson",
            phone_number = "+44 20 7946 0000",
            email = "martha@ordering.test",
            notes = "Ring twice",
        });

        await response.ExpectAsync(HttpStatusCode.Created);
        var id = (await response.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetGuid();
        var stored = await factory.WithOrderingDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == id));
        Assert.Equal(("martha@ordering.test", "Martha", "Hudson", "+44 20 7946 0000", "Ring twice"), (stored.ContactEmail, stored.FirstName, stored.LastName, stored.Phone, stored.Notes));
        Assert.Equal(("221B Baker Street", "London", "NW1 6XE", "United Kingdom"), (stored.ShippingAddress.Street, stored.ShippingAddress.City, stored.ShippingAddress.ZipCode, stored.ShippingAddress.Country));
        Assert.Equal(3, await _client.StockAsync(product));
        Assert.Equal(0, await _client.GuestLinesAsync(cartKey));
    }

    [Fact]
    public async Task Seed_000s_exact_body_without_a_country_answers_400_naming_the_country_when_the_shop_sets_no_default()
    {
        var product = await _client.ProductAsync(await _client.AdminTokenAsync(), 10m, stock: 5);
        var cartKey = await _client.GuestCartAsync(product, 1);

        using var response = await _client.CallAsync(HttpMethod.Post, "/api/v1/orders", body: Seed000Body(cartKey));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["shippingAddress.country"], error.ErrorFields());
        Assert.Equal(["REQUIRED_FIELD"], error.ErrorCodes());
        Assert.Contains("country", error.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(5, await _client.StockAsync(product));
        Assert.Equal(1, await _client.GuestLinesAsync(cartKey));
    }

    [Fact]
    public async Task Seed_000s_exact_body_places_a_guest_order_in_the_shops_default_country()
    {
        await using var shop = new TFactory();
        shop.Settings["Ordering:DefaultCountry"] = "GB";
        using var client = shop.CreateClient();
        var product = await client.ProductAsync(await client.AdminTokenAsync(), 10m, stock: 5);
        var cartKey = await client.GuestCartAsync(product, 2);

        using var response = await client.CallAsync(HttpMethod.Post, "/api/v1/orders", body: Seed000Body(cartKey));

        await response.ExpectAsync(HttpStatusCode.Created);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal("GB", data.GetProperty("shippingAddress").GetProperty("country").GetString());
        Assert.Equal("GB", data.GetProperty("billingAddress").GetProperty("country").GetString());
        var id = data.GetProperty("id").GetGuid();
        var stored = await shop.WithOrderingDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == id));
        Assert.Equal(("martha@ordering.test", "Martha", "Hudson", "+44 20 7946 0000", "Ring twice"), (stored.ContactEmail, stored.FirstName, stored.LastName, stored.Phone, stored.Notes));
        Assert.Equal(("221B Baker Street", "London", "NW1 6XE", "GB"), (stored.ShippingAddress.Street, stored.ShippingAddress.City, stored.ShippingAddress.ZipCode, stored.ShippingAddress.Country));
        Assert.Equal("GB", stored.BillingAddress.Country);
        Assert.Equal(3, await client.StockAsync(product));
        Assert.Equal(0, await client.GuestLinesAsync(cartKey));

        // A country the buyer sends still wins over the default, for a customer too.
        var (_, _, token) = await client.RegisterCustomerAsync();
        await client.AddAsync(token, product, 1);
        using var abroad = await client.PlaceOrderAsync(token, new
        {
            shippingAddress = new { street = "1 Rue de Rivoli", city = "Paris", zipCode = "75001", country = "FR" },
            billingAddress = new { street = "221B Baker Street", city = "London", zipCode = "NW1 6XE" },
        });
        await abroad.ExpectAsync(HttpStatusCode.Created);
        var placed = (await abroad.ReadJsonAsync()).GetProperty("data");
        Assert.Equal("FR", placed.GetProperty("shippingAddress").GetProperty("country").GetString());
        Assert.Equal("GB", placed.GetProperty("billingAddress").GetProperty("country").GetString());
    }

    [Theory]
    [InlineData("email")]
    [InlineData("city")]
    [InlineData("cart_key")]
    public async Task An_alias_disagreeing_with_its_canonical_name_answers_400_naming_it_and_nothing_is_placed(string alias)
    {
        var product = await _client.ProductAsync(await _client.AdminTokenAsync(), 10m, stock: 5);
        var cartKey = await _client.GuestCartAsync(product, 2);
        var otherKey = await _client.GuestCartAsync(product, 1);
        var body = new Dictionary<string, object?>
        {
            ["shippingAddress"] = new { street = "1 Road", city = "Paris", zipCode = "75001", country = "France" },
            ["contactEmail"] = "same@ordering.test",
            [alias] = alias switch { "email" => "other@ordering.test", "city" => "Lyon", _ => otherKey },
        };

        using var response = await _client.PlaceOrderAsync(null, body, cartKey: cartKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([alias], (await response.ReadErrorAsync()).ErrorFields());
        Assert.Equal(5, await _client.StockAsync(product));
        Assert.Equal(1, await _client.GuestLinesAsync(cartKey));
        Assert.Equal(0, await factory.WithOrderingDbAsync(db => db.OrderLines.CountAsync(l => l.ProductId == product)));
    }

    /// <summary>Seed 000's "Create Order" body, field for field (its <c>cart_key</c> in the body, no country).</summary>
    private static Dictionary<string, object?> Seed000Body(string cartKey) => new()
    {
        ["cart_key"] = cartKey,
        ["shipping_address"] = "221B Baker Street",
        ["city"] = "London",
        ["postcode"] = "NW1 6XE",
        ["first_name"] = "Martha",
        ["last_name"] = "Hudson",
        ["phone_number"] = "+44 20 7946 0000",
        ["email"] = "martha@ordering.test",
        ["notes"] = "Ring twice",
    };
}

/// <summary>On SQLite.</summary>
public sealed class SqliteSeedAliasOrderTests(OrderingFactory factory) : SeedAliasOrderTests<OrderingFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresSeedAliasOrderTests(PostgresOrderingFactory factory) : SeedAliasOrderTests<PostgresOrderingFactory>(factory);
