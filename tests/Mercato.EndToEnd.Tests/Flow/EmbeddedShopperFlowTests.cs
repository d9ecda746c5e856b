using Mercato.EndToEnd.Tests.Support;

namespace Mercato.EndToEnd.Tests.Flow;

/// <summary>The shopper flow against one embedded process (every module, SQLite, in-process events).</summary>
public sealed class EmbeddedShopperFlowTests(EmbeddedShop shop) : ShopperFlowTests<EmbeddedShop>(shop);
