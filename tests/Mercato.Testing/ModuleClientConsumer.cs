using Mercato.Platform.Auth.ServiceTokens;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Mercato.Testing;

/// <summary>
/// A module in another process, as Ordering will be: a host that only adds a module's HTTP client
/// (e.g. <c>AddCatalogClient</c>), configured to reach that module's test server (its service token
/// from the same server's Identity). Its network is the test server's own handler, behind
/// <see cref="NetworkFaults"/>.
/// </summary>
public class ModuleClientConsumer : IAsyncDisposable
{
    private readonly IHost _host;

    /// <summary>Creates the consumer of the module on <paramref name="server"/>.</summary>
    /// <param name="server">The module's (and Identity's) test server.</param>
    /// <param name="section">The client's configuration section, e.g. <c>Services:Catalog</c>.</param>
    /// <param name="httpClientName">The client's HttpClient name.</param>
    /// <param name="addClient">Adds the client, e.g. <c>b => b.AddCatalogClient(CatalogScopes.Read)</c>.</param>
    /// <param name="clientId">The service client whose token the calls carry.</param>
    /// <param name="clientSecret">Its secret.</param>
    /// <param name="settings">More configuration, e.g. <c>Services:Catalog:Resilience:*</c>.</param>
    public ModuleClientConsumer(
        TestServer server,
        string section,
        string httpClientName,
        Action<IHostApplicationBuilder> addClient,
        string clientId,
        string clientSecret,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(addClient);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        var configuration = new Dictionary<string, string?>
        {
            [$"{section}:Url"] = "http://localhost",
            ["Auth:ServiceClient:ClientId"] = clientId,
            ["Auth:ServiceClient:ClientSecret"] = clientSecret,
            ["Auth:ServiceClient:TokenEndpoint"] = "http://localhost/api/v1/auth/token",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        addClient(builder);
        builder.Services.AddHttpClient(httpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => Network.Over(server.CreateHandler()));
        builder.Services.AddHttpClient(ServiceTokenProvider.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => server.CreateHandler());
        _host = builder.Build();
    }

    /// <summary>The network between this consumer and the module.</summary>
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

        GC.SuppressFinalize(this);
    }
}
