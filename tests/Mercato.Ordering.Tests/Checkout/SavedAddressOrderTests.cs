using System.Net;
using System.Text.Json;
using Mercato.Ordering.Tests.Support;
using Mercato.Testing;

namespace Mercato.Ordering.Tests.Checkout;

/// <summary>
/// <c>POST /api/v1/orders</c> with seed 004's <c>shippingAddressId</c> / <c>billingAddressId</c> on
/// one provider: the customer's saved addresses (Identity, through <c>IIdentityClient</c>) are
/// copied into the order, so editing or deleting them later never changes it.
/// </summary>
public abstract class SavedAddressOrderTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OrderingFactory
{
    private const string AddressesUrl = "/api/v1/users/addresses";

    private readonly HttpClient _client = factory.CreateClient();

    private static object Saved(string street, string city, string? street2 = null) => new
    {
        street,
        street2,
        city,
        state = "CA",
        zipCode = "90001",
        country = "USA",
    };

    [Fact]
    public async Task Saved_addresses_are_copied_into_the_order_and_survive_an_edit_and_a_delete()
    {
        var (token, _) = await CustomerWithCartAsync();
        var home = await SaveAsync(token, Saved("456 Oak Ave", "Los Angeles", "Apt 4"));
        var office = await SaveAsync(token, Saved("1 Market St", "San Francisco"));

        using var response = await _client.PlaceOrderAsync(token, new { shippingAddressId = home, billingAddressId = office });

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var order = (await response.ReadJsonAsync()).GetProperty("data");
        var id = order.GetProperty("id").GetGuid();
        AssertAddress(order.GetProperty("shippingAddress"), "456 Oak Ave, Apt 4", "Los Angeles");
        AssertAddress(order.GetProperty("billingAddress"), "1 Market St", "San Francisco");

        using (var edit = await _client.CallAsync(HttpMethod.Put, $"{AddressesUrl}/{home}", token, Saved("9 Elsewhere Blvd", "Sacramento")))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        using (var delete = await _client.CallAsync(HttpMethod.Delete, $"{AddressesUrl}/{office}", token))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        var stored = await _client.OrderAsync(id, token);
        AssertAddress(stored.GetProperty("shippingAddress"), "456 Oak Ave, Apt 4", "Los Angeles");
        AssertAddress(stored.GetProperty("billingAddress"), "1 Market St", "San Francisco");
    }

    [Fact]
    public async Task A_shipping_address_id_alone_bills_the_same_address()
    {
        var (token, _) = await CustomerWithCartAsync();
        var home = await SaveAsync(token, Saved("456 Oak Ave", "Los Angeles"));

        using var response = await _client.PlaceOrderAsync(token, new { shippingAddressId = home });

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var order = (await response.ReadJsonAsync()).GetProperty("data");
        AssertAddress(order.GetProperty("shippingAddress"), "456 Oak Ave", "Los Angeles");
        AssertAddress(order.GetProperty("billingAddress"), "456 Oak Ave", "Los Angeles");
    }

    [Fact]
    public async Task An_inline_shipping_address_and_a_saved_billing_address_mix()
    {
        var (token, _) = await CustomerWithCartAsync();
        var office = await SaveAsync(token, Saved("1 Market St", "San Francisco"));

        using var response = await _client.PlaceOrderAsync(token, new
        {
            shippingAddress = new { street = "123 Main St", city = "New York", state = "NY", zipCode = "10001", country = "USA" },
            billingAddressId = office,
        });

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var order = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(("123 Main St", "New York", "NY"), (
            order.GetProperty("shippingAddress").GetProperty("street").GetString(),
            order.GetProperty("shippingAddress").GetProperty("city").GetString(),
            order.GetProperty("shippingAddress").GetProperty("state").GetString()));
        AssertAddress(order.GetProperty("billingAddress"), "1 Market St", "San Francisco");
    }

    [Fact]
    public async Task Another_customer_s_address_id_answers_400_naming_the_field_and_places_nothing()
    {
        var (owner, _) = await CustomerWithCartAsync();
        var theirs = await SaveAsync(owner, Saved("456 Oak Ave", "Los Angeles"));
        var (token, product) = await CustomerWithCartAsync();
        var mine = await SaveAsync(token, Saved("1 Market St", "San Francisco"));

        foreach (var (body, field) in new (object, string)[]
        {
            (new { shippingAddressId = theirs }, "shippingAddressId"),
            (new { shippingAddressId = mine, billingAddressId = theirs }, "billingAddressId"),
            (new { shippingAddressId = Guid.CreateVersion7() }, "shippingAddressId"),
        })
        {
            using var response = await _client.PlaceOrderAsync(token, body);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = await response.ReadErrorAsync();
            Assert.Equal([field], error.ErrorFields());
            Assert.Equal(["VALIDATION_ERROR"], error.ErrorCodes());
        }

        await AssertNothingPlacedAsync(token, product);
    }

    [Theory]
    [InlineData("shipping")]
    [InlineData("billing")]
    public async Task An_address_and_its_id_together_answer_400_naming_the_id(string kind)
    {
        var (token, product) = await CustomerWithCartAsync();
        var home = await SaveAsync(token, Saved("456 Oak Ave", "Los Angeles"));
        var inline = new Dictionary<string, object?> { ["street"] = "123 Main St", ["city"] = "New York", ["zipCode"] = "10001", ["country"] = "USA" };
        var body = new Dictionary<string, object?> { [$"{kind}Address"] = inline, [$"{kind}AddressId"] = home };
        if (kind == "billing")
        {
            body["shippingAddress"] = inline;
        }

        using var response = await _client.PlaceOrderAsync(token, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([$"{kind}AddressId"], (await response.ReadErrorAsync()).ErrorFields());
        await AssertNothingPlacedAsync(token, product);
    }

    [Theory]
    [InlineData("""{"shippingAddressId":"addr-001"}""", "shippingAddressId")]
    [InlineData("""{"shippingAddressId":"00000000-0000-0000-0000-000000000000"}""", "shippingAddressId")]
    [InlineData("""{"billingAddressId":null}""", "shippingAddress")]
    public async Task A_malformed_or_missing_address_answers_400_naming_the_field(string json, string field)
    {
        var (token, product) = await CustomerWithCartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], (await response.ReadErrorAsync()).ErrorFields());
        await AssertNothingPlacedAsync(token, product);
    }

    [Fact]
    public async Task A_guest_cannot_use_address_ids()
    {
        var (owner, _) = await CustomerWithCartAsync();
        var saved = await SaveAsync(owner, Saved("456 Oak Ave", "Los Angeles"));
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 25.00m, stock: 5);
        var cartKey = await _client.GuestCartAsync(product, 1);

        using var response = await _client.PlaceOrderAsync(null, new { shippingAddressId = saved, contactEmail = "guest@example.com" }, cartKey: cartKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["shippingAddressId"], (await response.ReadErrorAsync()).ErrorFields());
        Assert.Equal(1, await _client.GuestLinesAsync(cartKey));
        Assert.Equal(5, await _client.StockAsync(product));
    }

    private async Task<(string Token, Guid Product)> CustomerWithCartAsync()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 25.00m, stock: 5);
        var (_, _, token) = await _client.RegisterCustomerAsync();
        await _client.AddAsync(token, product, 2);
        return (token, product);
    }

    private async Task<Guid> SaveAsync(string token, object address)
    {
        using var response = await _client.CallAsync(HttpMethod.Post, AddressesUrl, token, address);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetGuid();
    }

    private async Task AssertNothingPlacedAsync(string token, Guid product)
    {
        Assert.Equal(5, await _client.StockAsync(product));
        Assert.Single((await _client.CartAsync(token)).GetProperty("items").EnumerateArray());
        using var orders = await _client.CallAsync(HttpMethod.Get, "/api/v1/orders", token);
        Assert.Equal(0, (await orders.ReadJsonAsync()).GetProperty("data").GetProperty("totalCount").GetInt64());
    }

    private static void AssertAddress(JsonElement address, string street, string city)
        => Assert.Equal((street, city, "CA", "90001", "USA"), (
            address.GetProperty("street").GetString(), address.GetProperty("city").GetString(), address.GetProperty("state").GetString(),
            address.GetProperty("zipCode").GetString(), address.GetProperty("country").GetString()));
}

/// <summary>On SQLite.</summary>
public sealed class SqliteSavedAddressOrderTests(OrderingFactory factory) : SavedAddressOrderTests<OrderingFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresSavedAddressOrderTests(PostgresOrderingFactory factory) : SavedAddressOrderTests<PostgresOrderingFactory>(factory);
