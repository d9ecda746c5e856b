using Mercato.EndToEnd.Tests.Support;
using Mercato.Testing;

namespace Mercato.EndToEnd.Tests.Flow;

/// <summary>The shopper flow through the gateway to Identity, Catalog, Cart and Ordering processes (PostgreSQL, RabbitMQ).</summary>
public sealed class DistributedShopperFlowTests : ShopperFlowTests<DistributedShop>
{
    private readonly DistributedShop _shop;

    /// <summary>Runs the flow against the distributed shop.</summary>
    public DistributedShopperFlowTests(DistributedShop shop)
        : base(shop) => _shop = shop;

    /// <summary>
    /// The gateway calls no service, yet the code gives it a client of its own for its logs
    /// (<c>service-clients</c>: <c>gateway gateway-service logs.write</c>): with it, Identity issues
    /// its token and the Logs service stores what it logged at start (its route table).
    /// </summary>
    [Fact]
    public Task The_gateway_ships_its_logs_with_the_client_the_code_gives_it() => _shop.RunAsync(async () =>
    {
        var admin = await _shop.Api.SignInAsync(ShopDeployment.AdminEmail, ShopDeployment.AdminPassword);

        var logs = await ShopCalls.EventuallyAsync(
            () => _shop.Api.GetDataAsync("/api/v1/logs?service=gateway&q=Gateway%20routes", admin),
            page => page.GetProperty("items").GetArrayLength() > 0);

        Assert.All(logs.GetProperty("items").EnumerateArray(), l => Assert.Equal("gateway", l.GetProperty("service").GetString()));
    });
}
