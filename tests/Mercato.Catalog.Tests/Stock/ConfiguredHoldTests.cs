using Mercato.Catalog.Tests.Support;

namespace Mercato.Catalog.Tests.Stock;

/// <summary>A host whose reservations are held for 5 minutes unless the caller says otherwise.</summary>
public sealed class ShortHoldStockFactory : StockFactory
{
    /// <summary>Configures the hold.</summary>
    public ShortHoldStockFactory() => Settings["Catalog:Reservations:HoldFor"] = "00:05:00";
}

/// <summary><c>Catalog:Reservations:HoldFor</c> is the default hold.</summary>
public sealed class ConfiguredHoldTests(ShortHoldStockFactory factory) : IClassFixture<ShortHoldStockFactory>
{
    [Fact]
    public async Task Reservations_without_holdForSeconds_expire_after_the_configured_hold()
    {
        using var client = factory.CreateClient();
        var token = await client.ServiceTokenAsync();
        var a = await factory.ProductAsync(3);
        var orderId = Guid.NewGuid();

        await client.ReserveAsync(token, orderId, (a, 1));

        var line = Assert.Single(await factory.ReservationsOfAsync(orderId));
        Assert.Equal(line.CreatedAt.AddMinutes(5), line.ExpiresAt);
    }
}
