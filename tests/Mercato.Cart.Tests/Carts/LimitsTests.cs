using System.Net;
using Mercato.Cart.Tests.Support;
using Mercato.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Cart.Tests.Carts;

/// <summary>A host with small cart limits, so the limits can be reached.</summary>
public sealed class SmallCartFactory : CartFactory
{
    /// <summary>At most 5 units of a product, 2 products, 6 units in all; guest carts idle after 1 day, users' after 3.</summary>
    public SmallCartFactory()
    {
        Settings["Cart:MaxQuantityPerLine"] = "5";
        Settings["Cart:MaxLinesPerCart"] = "2";
        Settings["Cart:MaxUnitsPerCart"] = "6";
        Settings["Cart:GuestCartIdleFor"] = "1.00:00:00";
        Settings["Cart:UserCartIdleFor"] = "3.00:00:00";
        Settings["Cart:TaxRate"] = "0.20";
    }
}

/// <summary>Configurable limits, tax rate and the idle-cart sweep.</summary>
public sealed class LimitsTests(SmallCartFactory factory) : IClassFixture<SmallCartFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_per_line_per_cart_and_unit_limits_are_enforced_and_change_nothing()
    {
        var admin = await _client.AdminTokenAsync();
        var (a, b, c) = (await _client.ProductAsync(admin, 1m), await _client.ProductAsync(admin, 1m), await _client.ProductAsync(admin, 1m));
        var (_, _, token) = await _client.RegisterCustomerAsync();
        await _client.AddAsync(a, 4, token);

        using var overLine = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/items", token, new { productId = a, quantity = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, overLine.StatusCode);
        Assert.Contains("at most 5 units of one product", (await overLine.ReadErrorAsync()).GetProperty("errors")[0].GetProperty("message").GetString());

        await _client.AddAsync(b, 2, token);
        using var overUnits = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/items", token, new { productId = b, quantity = 1 });
        Assert.Equal(HttpStatusCode.Conflict, overUnits.StatusCode);
        Assert.Contains("at most 6 units", (await overUnits.ReadErrorAsync()).GetProperty("errors")[0].GetProperty("message").GetString());

        using var overLines = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/items", token, new { productId = c, quantity = 1 });
        Assert.Equal(HttpStatusCode.Conflict, overLines.StatusCode);
        Assert.Contains("at most 2 different products", (await overLines.ReadErrorAsync()).GetProperty("errors")[0].GetProperty("message").GetString());

        Assert.Equal(6, (await _client.CartAsync(token)).GetProperty("itemCount").GetInt32());
    }

    [Fact]
    public async Task The_tax_rate_is_configurable()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 33.33m);
        var key = (await _client.AddAsync(product, 1)).GetProperty("cartKey").GetString();

        var cart = await _client.CartAsync(cartKey: key);

        Assert.Equal(0.20m, cart.GetProperty("taxRate").GetDecimal());
        Assert.Equal(6.67m, cart.GetProperty("tax").GetDecimal());
        Assert.Equal(40.00m, cart.GetProperty("total").GetDecimal());
    }
}
