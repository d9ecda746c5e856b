using System.Net;
using System.Text.Json;
using Mercato.Messaging.Outbox;
using Mercato.Ordering.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Ordering.Tests.Checkout;

/// <summary>Guests place orders with their cart key and contact details (seed 000).</summary>
public abstract class GuestOrderTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OrderingFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_guest_places_their_cart_with_its_key_and_contact_details()
    {
        var product = await _client.ProductAsync(await _client.AdminTokenAsync(), 19.99m, stock: 4);
        var cartKey = await _client.GuestCartAsync(product, 3);

        using var response = await _client.PlaceOrderAsync(null, new
        {
            shippingAddress = new { street = "5 Rue de Rivoli", city = "Paris", state = "", zipCode = "75001", country = "France" },
            contactEmail = "guest@ordering.test",
            firstName = "Grace",
            lastName = "Hopper",
            phone = "+33 1 23 45 67 89",
        }, cartKey: cartKey);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var order = (await response.ReadJsonAsync()).GetProperty("data");
        var id = order.GetProperty("id").GetGuid();
        Assert.Equal(JsonValueKind.Null, order.GetProperty("userId").ValueKind);
        Assert.Equal(59.97m, order.GetProperty("subtotal").GetDecimal());
        Assert.Equal(1, await _client.StockAsync(product));
        Assert.Equal(0, await _client.GuestLinesAsync(cartKey));
        var (stored, placed) = await factory.WithOrderingDbAsync(async db => (
            await db.Orders.AsNoTracking().SingleAsync(o => o.Id == id),
            await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Type == "ordering.order-placed.v1" && m.Payload.Contains(id.ToString())).SingleAsync()));
        Assert.Equal(("guest@ordering.test", "Grace", "Hopper", "+33 1 23 45 67 89"), (stored.ContactEmail, stored.FirstName, stored.LastName, stored.Phone));
        Assert.Null(stored.UserId);
        Assert.Equal(64, stored.GuestKeyHash?.Length);
        Assert.DoesNotContain(cartKey, stored.GuestKeyHash!, StringComparison.Ordinal);
        Assert.Equal("guest@ordering.test", JsonDocument.Parse(placed.Payload).RootElement.GetProperty("guestEmail").GetString());
    }

    [Fact]
    public async Task A_guest_without_a_contact_email_gets_400_and_nothing_changes()
    {
        var product = await _client.ProductAsync(await _client.AdminTokenAsync(), 5m, stock: 4);
        var cartKey = await _client.GuestCartAsync(product, 2);

        using var response = await _client.PlaceOrderAsync(null, Shop.OrderBody(), cartKey: cartKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["contactEmail"], (await response.ReadErrorAsync()).ErrorFields());
        Assert.Equal(4, await _client.StockAsync(product));
        Assert.Equal(1, await _client.GuestLinesAsync(cartKey));
    }

    [Fact]
    public async Task An_unknown_cart_key_orders_nothing()
    {
        using var response = await _client.PlaceOrderAsync(null, new
        {
            shippingAddress = new { street = "1 Road", city = "Oslo", state = "", zipCode = "0150", country = "Norway" },
            contactEmail = "nobody@ordering.test",
        }, cartKey: "no-such-cart-" + Shop.Unique());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["cart"], (await response.ReadErrorAsync()).ErrorFields());
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteGuestOrderTests(OrderingFactory factory) : GuestOrderTests<OrderingFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresGuestOrderTests(PostgresOrderingFactory factory) : GuestOrderTests<PostgresOrderingFactory>(factory);
