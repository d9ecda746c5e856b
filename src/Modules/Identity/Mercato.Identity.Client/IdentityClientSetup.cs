using Mercato.Identity.Contracts;
using Mercato.Platform.Http;
using Microsoft.Extensions.Hosting;

namespace Mercato.Identity.Client;

/// <summary>How a consumer module (Ordering) gets an <see cref="IIdentityClient"/>.</summary>
public static class IdentityClientSetup
{
    /// <summary>The name of Identity's HttpClient.</summary>
    public const string HttpClientName = "Mercato.Identity";

    /// <summary>
    /// Registers <see cref="IIdentityClient"/> as the HTTP client (<see cref="IdentityHttpClient"/>)
    /// unless one is registered already. When Identity is co-hosted, its <c>AddIdentity</c> replaces
    /// it with the in-process client, in whichever order the two are added. The HTTP client calls
    /// <c>Services:Identity:Url</c> with this service's token (<c>Auth:ServiceClient:*</c>) and the
    /// caller's <c>X-Correlation-Id</c>, through the standard resilience pipeline tuned by
    /// <c>Services:Identity:Resilience</c>. If the HTTP client is the one in use when the host
    /// starts, a missing URL or missing credentials stop the start. Safe to call more than once.
    /// </summary>
    /// <param name="builder">The consumer's host.</param>
    /// <param name="scopes">The scopes the consumer's calls need: its one call needs <see cref="IdentityScopes.Addresses"/>.</param>
    public static IHostApplicationBuilder AddIdentityClient(this IHostApplicationBuilder builder, params string[] scopes)
        => builder.AddModuleClient<IIdentityClient, IdentityHttpClient, IdentityClientOptions>("Identity", HttpClientName, IdentityClientOptions.Section, scopes);
}
