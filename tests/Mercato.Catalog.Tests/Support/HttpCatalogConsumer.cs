using Mercato.Catalog.Contracts;
using Mercato.Platform.Auth.ServiceTokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mercato.Catalog.Tests.Support;

/// <summary>
/// A module in another process, as Cart or Ordering will be: a host that only calls
/// <see cref="CatalogClientSetup.AddCatalogClient"/>, configured to reach a Catalog test server
/// (its service token from the same server's Identity). Its network is the test server's own
/// handler, behind <see cref="NetworkFaults"/>.
/// </summary>
public sealed class HttpCatalogConsumer : IAsyncDisposable
{
    private readonly IHost _host;

    /// <summary>Creates the consumer of <paramref name="catalog"/>.</summary>
    /// <param name="catalog">The Catalog (and Identity) test server.</param>
    /// <param name="clientId">The service client whose token the calls carry.</param>
    /// <param name="settings">More configuration, e.g. <c>Services:Catalog:Resilience:*</c>.</param>
    public HttpCatalogConsumer(StockFactory catalog, string clientId = StockFactory.OrdersClient, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        var configuration = new Dictionary<string, string?>
        {
            ["Services:Catalog:Url"] = "http://localhost",
            ["Auth:ServiceClient:ClientId"] = clientId,
            ["Auth:ServiceClient:ClientSecret"] = StockFactory.Secret,
            ["Auth:ServiceClient:TokenEndpoint"] = "http://localhost/api/v1/auth/token",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddCatalogClient();
        builder.Services.AddHttpClient(CatalogClientSetup.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => Network.Over(catalog.Server.CreateHandler()));
        builder.Services.AddHttpClient(ServiceTokenProvider.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => catalog.Server.CreateHandler());
        _host = builder.Build();
    }

    /// <summary>The network between this consumer and the Catalog.</summary>
    public NetworkFaults Network { get; } = new();

    /// <summary>The consumer's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Gets this consumer's service token now, so later calls only carry it from the cache.</summary>
    public Task WarmUpTokenAsync()
        => Services.GetRequiredService<ServiceTokenProvider>().GetTokenAsync(TestContext.Current.CancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
