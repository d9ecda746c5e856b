using System.Net;
using Mercato.Ordering.Tests.Support;
using Mercato.Testing;

namespace Mercato.Ordering.Tests.Checkout;

/// <summary>
/// <c>Ordering:RequireVerifiedEmail</c> on one provider: when on, an account whose e-mail is not
/// verified cannot place an order (403 EMAIL_NOT_VERIFIED, nothing reserved); a verified account
/// (the seeded administrator) and guests can. Each test has a host of its own with the setting.
/// </summary>
public abstract class VerifiedEmailOrderTests(bool postgres)
{
    [Fact]
    public async Task An_unverified_account_is_refused_with_403_and_nothing_is_reserved_while_a_verified_one_orders()
    {
        await using var host = new ClockOrderingFactory(postgres);
        host.Settings["Ordering:RequireVerifiedEmail"] = "true";
        using var client = host.CreateClient();
        var admin = await client.AdminTokenAsync();
        var product = await client.ProductAsync(admin, 25.00m, stock: 4);
        var (_, _, token) = await client.RegisterCustomerAsync();
        await client.AddAsync(token, product, 2);

        using var refused = await client.PlaceOrderAsync(token, Shop.OrderBody());

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var error = await refused.ReadErrorAsync();
        Assert.Equal(["EMAIL_NOT_VERIFIED"], error.ErrorCodes());
        Assert.Equal(4, await client.StockAsync(product));
        Assert.Equal(2, (await client.CartAsync(token)).GetProperty("items")[0].GetProperty("quantity").GetInt32());

        // The administrator's address is verified (seeded so); a guest has no account to verify.
        await client.AddAsync(admin, product, 1);
        using var verified = await client.PlaceOrderAsync(admin, Shop.OrderBody());
        Assert.Equal(HttpStatusCode.Created, verified.StatusCode);
        var cartKey = await client.GuestCartAsync(product, 1);
        using var guest = await client.PlaceOrderAsync(null, new
        {
            shippingAddress = new { street = "5 Rue de Rivoli", city = "Paris", state = "", zipCode = "75001", country = "France" },
            contactEmail = "guest@ordering.test",
            firstName = "Grace",
            lastName = "Hopper",
        }, cartKey: cartKey);
        Assert.Equal(HttpStatusCode.Created, guest.StatusCode);
        Assert.Equal(2, await client.StockAsync(product));
    }

    [Fact]
    public async Task By_default_an_unverified_account_may_order()
    {
        await using var host = new ClockOrderingFactory(postgres);
        using var client = host.CreateClient();
        var admin = await client.AdminTokenAsync();
        var product = await client.ProductAsync(admin, 25.00m, stock: 4);
        var (_, _, token) = await client.RegisterCustomerAsync();
        await client.AddAsync(token, product, 1);

        using var placed = await client.PlaceOrderAsync(token, Shop.OrderBody());

        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteVerifiedEmailOrderTests() : VerifiedEmailOrderTests(postgres: false);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresVerifiedEmailOrderTests() : VerifiedEmailOrderTests(postgres: true);
