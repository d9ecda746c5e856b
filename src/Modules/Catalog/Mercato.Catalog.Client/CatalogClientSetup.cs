using Mercato.Catalog.Contracts;
using Mercato.Platform.Http;
using Microsoft.Extensions.Hosting;

namespace Mercato.Catalog.Client;

/// <summary>How a consumer module gets an <see cref="ICatalogClient"/>.</summary>
public static class CatalogClientSetup
{
    /// <summary>The name of the Catalog's HttpClient.</summary>
    public const string HttpClientName = "Mercato.Catalog";

    /// <summary>
    /// Registers <see cref="ICatalogClient"/> as the HTTP client (<see cref="CatalogHttpClient"/>)
    /// unless one is registered already. When the Catalog module is co-hosted, its
    /// <c>AddCatalog</c> replaces it with the in-process client, in whichever order the two are
    /// added. The HTTP client calls <c>Services:Catalog:Url</c> with this service's token
    /// (<c>Auth:ServiceClient:*</c>) and the caller's <c>X-Correlation-Id</c>, through the standard
    /// resilience pipeline tuned by <c>Services:Catalog:Resilience</c>. If the HTTP client is the
    /// one in use when the host starts, a missing URL or missing credentials stop the start. Safe to
    /// call more than once. See <see cref="ModuleClientSetup.AddModuleClient{TClient, THttpClient, TOptions}"/>.
    /// </summary>
    /// <param name="builder">The consumer's host.</param>
    /// <param name="scopes">
    /// The scopes the consumer's calls need: <see cref="CatalogScopes.Read"/> for product snapshots,
    /// <see cref="CatalogScopes.Stock"/> for reservations.
    /// </param>
    public static IHostApplicationBuilder AddCatalogClient(this IHostApplicationBuilder builder, params string[] scopes)
        => builder.AddModuleClient<ICatalogClient, CatalogHttpClient, CatalogClientOptions>("Catalog", HttpClientName, CatalogClientOptions.Section, scopes);
}
