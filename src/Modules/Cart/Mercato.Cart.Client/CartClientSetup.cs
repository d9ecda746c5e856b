using Mercato.Cart.Contracts;
using Mercato.Platform.Http;
using Microsoft.Extensions.Hosting;

namespace Mercato.Cart.Client;

/// <summary>How a consumer module (Ordering) gets an <see cref="ICartClient"/>.</summary>
public static class CartClientSetup
{
    /// <summary>The name of the Cart's HttpClient.</summary>
    public const string HttpClientName = "Mercato.Cart";

    /// <summary>
    /// Registers <see cref="ICartClient"/> as the HTTP client (<see cref="CartHttpClient"/>) unless
    /// one is registered already. When the Cart module is co-hosted, its <c>AddCart</c> replaces it
    /// with the in-process client, in whichever order the two are added. The HTTP client calls
    /// <c>Services:Cart:Url</c> with this service's token (<c>Auth:ServiceClient:*</c>) and the
    /// caller's <c>X-Correlation-Id</c>, through the standard resilience pipeline tuned by
    /// <c>Services:Cart:Resilience</c>. If the HTTP client is the one in use when the host starts, a
    /// missing URL or missing credentials stop the start. Safe to call more than once.
    /// </summary>
    /// <param name="builder">The consumer's host.</param>
    /// <param name="scopes">The scopes the consumer's calls need: every call needs <see cref="CartScopes.Checkout"/>.</param>
    public static IHostApplicationBuilder AddCartClient(this IHostApplicationBuilder builder, params string[] scopes)
        => builder.AddModuleClient<ICartClient, CartHttpClient, CartClientOptions>("Cart", HttpClientName, CartClientOptions.Section, scopes);
}
