using Mercato.EndToEnd.Tests.Support;

namespace Mercato.EndToEnd.Tests.Flow;

/// <summary>The shopper flow through the gateway to Identity, Catalog, Cart and Ordering processes (PostgreSQL, RabbitMQ).</summary>
public sealed class DistributedShopperFlowTests(DistributedShop shop) : ShopperFlowTests<DistributedShop>(shop);
