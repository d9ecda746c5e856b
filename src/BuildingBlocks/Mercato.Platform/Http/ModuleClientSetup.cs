using Mercato.Platform.Auth.ServiceTokens;
using Mercato.Platform.Correlation;
using Mercato.Platform.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mercato.Platform.Http;

/// <summary>How a module's Contracts register the HTTP client of that module for its neighbours.</summary>
public static class ModuleClientSetup
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> as the typed HttpClient <typeparamref name="THttpClient"/>
    /// (named <paramref name="httpClientName"/>) unless a <typeparamref name="TClient"/> is registered
    /// already; the module's own <c>Add&lt;Module&gt;</c> replaces it with its in-process client, in
    /// whichever order the two are added. The HTTP client calls <c>&lt;section&gt;:Url</c> with this
    /// service's token (<c>Auth:ServiceClient:*</c>) and the caller's <c>X-Correlation-Id</c>,
    /// through the standard resilience pipeline tuned by <c>&lt;section&gt;:Resilience</c>. If the
    /// HTTP client is the one in use when the host starts, a missing URL or missing credentials
    /// stop the start. Safe to call more than once: every call records the scopes its consumer
    /// declared (<see cref="ModuleClientScopes"/>), so this service's client asks for what every
    /// consumer in the process needs, and only while the HTTP client is the one in use.
    /// </summary>
    /// <typeparam name="TClient">The module's client interface.</typeparam>
    /// <typeparam name="THttpClient">Its HTTP implementation.</typeparam>
    /// <typeparam name="TOptions">Its options, bound from <paramref name="section"/>.</typeparam>
    /// <param name="builder">The consumer's host.</param>
    /// <param name="module">The module's name as people read it (e.g. <c>Catalog</c>).</param>
    /// <param name="httpClientName">The HttpClient's name.</param>
    /// <param name="section">The configuration section, e.g. <c>Services:Catalog</c>.</param>
    /// <param name="scopes">
    /// The scopes the consumer's calls need (at least one: the module's service-only endpoints each
    /// require one), from the module's Contracts (e.g. <c>CatalogScopes.Read</c>).
    /// </param>
    /// <exception cref="ArgumentException">No scope, or a blank one, is given.</exception>
    public static IHostApplicationBuilder AddModuleClient<TClient, THttpClient, TOptions>(
        this IHostApplicationBuilder builder, string module, string httpClientName, string section, params string[] scopes)
        where TClient : class
        where THttpClient : class, TClient
        where TOptions : ModuleClientOptions
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(scopes);
        if (scopes.Length == 0 || scopes.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"Name the scopes the calls to the {module} need.", nameof(scopes));
        }

        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(THttpClient)))
        {
            // Added already by another consumer: only this consumer's scopes are new.
            if (ModuleClientScopes.In(services).FirstOrDefault(c => c.Remote.ServiceType == typeof(TClient)) is { } first)
            {
                services.AddSingleton(first with { Scopes = [.. scopes] });
            }

            return builder;
        }

        services.AddCorrelationPropagation();
        services.TryAddSingleton(TimeProvider.System);
        var http = services.AddHttpClient<THttpClient>(httpClientName, (provider, client) =>
        {
            var options = provider.GetRequiredService<IOptions<TOptions>>().Value;
            client.BaseAddress = options.HasValidUrl
                ? options.Url
                : throw new InvalidConfigurationException($"{section}:Url must be the {module}'s absolute http(s) URL.");
        });
        http.AddServiceCallResilience(builder.Configuration.GetSection(section + ":Resilience"));
        http.AddServiceToken();

        var remote = ServiceDescriptor.Scoped<TClient>(provider => provider.GetRequiredService<THttpClient>());
        services.TryAdd(remote);
        var declared = new ModuleClientScopes(module, remote, [.. scopes]);
        services.AddSingleton(declared);
        services.AddValidatedOptions<TOptions>(section)
            .Validate<IOptions<ServiceClientCredentials>>(
                (options, credentials) => !declared.IsRemoteIn(services) || (options.HasValidUrl && credentials.Value.IsConfigured),
                $"The {module} is not hosted in this process: set {section}:Url to its absolute http(s) URL and "
                + $"{ServiceClientCredentials.Section}:ClientId and ClientSecret to this service's credentials.");
        return builder;
    }
}
