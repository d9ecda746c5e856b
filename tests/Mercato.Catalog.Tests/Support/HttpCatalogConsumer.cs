using Mercato.Catalog.Client;
using Mercato.Catalog.Contracts;
using Mercato.Testing;

namespace Mercato.Catalog.Tests.Support;

/// <summary>
/// A module in another process, as Cart or Ordering will be: a host that only calls
/// <see cref="CatalogClientSetup.AddCatalogClient"/>, configured to reach a Catalog test server
/// (its service token from the same server's Identity), behind <see cref="NetworkFaults"/>.
/// </summary>
/// <param name="catalog">The Catalog (and Identity) test server.</param>
/// <param name="clientId">The service client whose token the calls carry.</param>
/// <param name="settings">More configuration, e.g. <c>Services:Catalog:Resilience:*</c>.</param>
public sealed class HttpCatalogConsumer(StockFactory catalog, string clientId = StockFactory.OrdersClient, IReadOnlyDictionary<string, string?>? settings = null)
    : ModuleClientConsumer(
        catalog.Server, CatalogClientOptions.Section, CatalogClientSetup.HttpClientName, b => b.AddCatalogClient(CatalogScopes.Read, CatalogScopes.Stock), clientId, StockFactory.Secret, settings);
