using Mercato.Ordering.Contracts;
using Mercato.Platform.Http;
using Microsoft.Extensions.Hosting;

namespace Mercato.Ordering.Client;

/// <summary>How a consumer module (Payments) gets an <see cref="IOrderingClient"/>.</summary>
public static class OrderingClientSetup
{
    /// <summary>The name of Ordering's HttpClient.</summary>
    public const string HttpClientName = "Mercato.Ordering";

    /// <summary>
    /// Registers <see cref="IOrderingClient"/> as the HTTP client (<see cref="OrderingHttpClient"/>)
    /// unless one is registered already; a co-hosted Ordering module replaces it with its in-process
    /// client. See <see cref="ModuleClientSetup.AddModuleClient{TClient, THttpClient, TOptions}"/>.
    /// </summary>
    /// <param name="builder">The consumer's host.</param>
    /// <param name="scopes">
    /// The scopes the consumer's calls need: <see cref="OrderingScopes.Read"/> for the reads,
    /// <see cref="OrderingScopes.Payments"/> to revive an order.
    /// </param>
    public static IHostApplicationBuilder AddOrderingClient(this IHostApplicationBuilder builder, params string[] scopes)
        => builder.AddModuleClient<IOrderingClient, OrderingHttpClient, OrderingClientOptions>("Ordering", HttpClientName, OrderingClientOptions.Section, scopes);
}
