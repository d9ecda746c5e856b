using Mercato.Platform.Auth.ServiceTokens;
using Mercato.Platform.Correlation;
using Mercato.Platform.Hosting;
using Mercato.Platform.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mercato.Catalog.Contracts;

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
    /// (<c>Auth:ServiceClient:*</c>, scopes <c>catalog.read</c> and <c>catalog.stock</c>) and the
    /// caller's <c>X-Correlation-Id</c>, through the standard resilience pipeline tuned by
    /// <c>Services:Catalog:Resilience</c>. If the HTTP client is the one in use when the host
    /// starts, a missing URL or missing credentials stop the start. Safe to call more than once.
    /// </summary>
    public static IHostApplicationBuilder AddCatalogClient(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(CatalogHttpClient)))
        {
            return builder;
        }

        services.AddCorrelationPropagation();
        services.TryAddSingleton(TimeProvider.System);
        var http = services.AddHttpClient<CatalogHttpClient>(HttpClientName, (provider, client) =>
        {
            var options = provider.GetRequiredService<IOptions<CatalogClientOptions>>().Value;
            client.BaseAddress = options.HasValidUrl
                ? options.Url
                : throw new InvalidConfigurationException($"{CatalogClientOptions.Section}:Url must be the Catalog's absolute http(s) URL.");
        });
        http.AddServiceCallResilience(builder.Configuration.GetSection(CatalogClientOptions.ResilienceSection));
        http.AddServiceToken();

        var remote = ServiceDescriptor.Scoped<ICatalogClient>(provider => provider.GetRequiredService<CatalogHttpClient>());
        services.TryAdd(remote);
        services.AddOptions<CatalogClientOptions>().BindConfiguration(CatalogClientOptions.Section)
            .Validate<IOptions<ServiceClientCredentials>>(
                (options, credentials) => !services.Contains(remote) || (options.HasValidUrl && credentials.Value.IsConfigured),
                $"The Catalog is not hosted in this process: set {CatalogClientOptions.Section}:Url to its absolute http(s) URL and "
                + $"{ServiceClientCredentials.Section}:ClientId and ClientSecret to this service's credentials.")
            .ValidateOnStart();
        return builder;
    }
}
