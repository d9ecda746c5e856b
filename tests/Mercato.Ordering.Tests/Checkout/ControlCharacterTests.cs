using System.Net;
using Mercato.Ordering.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Ordering.Tests.Checkout;

/// <summary>
/// Control characters (NUL, BEL) and bidirectional overrides (U+202E) in the checkout's contact
/// names and addresses answer 400 naming the field, and nothing is ordered, reserved or cleared.
/// </summary>
public abstract class ControlCharacterTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OrderingFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("\u0000", "shippingAddress.street")]
    [InlineData("\u0007", "shippingAddress.street")]
    [InlineData("\u202E", "shippingAddress.street")]
    [InlineData("\u0000", "billingAddress.city")]
    [InlineData("\u0007", "shippingAddress.zipCode")]
    [InlineData("\u202E", "shippingAddress.country")]
    [InlineData("\u0000", "firstName")]
    [InlineData("\u0007", "lastName")]
    [InlineData("\u202E", "lastName")]
    public async Task A_control_or_bidi_character_in_a_name_or_address_is_refused_naming_the_field(string character, string field)
    {
        var product = await _client.ProductAsync(await _client.AdminTokenAsync(), 12.50m, stock: 5);
        var cartKey = await _client.GuestCartAsync(product, 2);
        var email = $"ctl-{Shop.Unique()}@ordering.test";

        using var response = await _client.PlaceOrderAsync(null, Body(email, field, "Evil" + character + "Text"), cartKey: cartKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["VALIDATION_ERROR"], error.ErrorCodes());
        Assert.Equal([field], error.ErrorFields());
        Assert.Equal(5, await _client.StockAsync(product));
        Assert.Equal(1, await _client.GuestLinesAsync(cartKey));
        Assert.False(await factory.WithOrderingDbAsync(db => db.Orders.AnyAsync(o => o.ContactEmail == email)));
    }

    [Fact]
    public async Task Notes_may_span_lines_and_accented_names_pass()
    {
        var product = await _client.ProductAsync(await _client.AdminTokenAsync(), 3m, stock: 5);
        var cartKey = await _client.GuestCartAsync(product, 1);

        using var response = await _client.PlaceOrderAsync(null, new
        {
            shippingAddress = new { street = "12 Straße der Einheit", city = "Zürich", state = "", zipCode = "8001", country = "Schweiz" },
            contactEmail = $"ok-{Shop.Unique()}@ordering.test",
            firstName = "Zoë",
            lastName = "O'Brien-Łukasz",
            notes = "Ring twice.\r\nLeave it with the neighbour\tif out.",
        }, cartKey: cartKey);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, object?> Body(string email, string field, string value)
    {
        var shipping = new Dictionary<string, object?> { ["street"] = "1 Main St", ["city"] = "Springfield", ["state"] = "", ["zipCode"] = "12345", ["country"] = "USA" };
        var billing = new Dictionary<string, object?>(shipping);
        var body = new Dictionary<string, object?>
        {
            ["shippingAddress"] = shipping,
            ["billingAddress"] = billing,
            ["contactEmail"] = email,
            ["firstName"] = "Grace",
            ["lastName"] = "Hopper",
        };
        var parts = field.Split('.');
        if (parts.Length == 2)
        {
            ((Dictionary<string, object?>)body[parts[0]]!)[parts[1]] = value;
        }
        else
        {
            body[field] = value;
        }

        return body;
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteControlCharacterTests(OrderingFactory factory) : ControlCharacterTests<OrderingFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresControlCharacterTests(PostgresOrderingFactory factory) : ControlCharacterTests<PostgresOrderingFactory>(factory);
