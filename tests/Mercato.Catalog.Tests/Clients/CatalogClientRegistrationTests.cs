using Mercato.Catalog.Client;
using Mercato.Catalog.Contracts;
using Mercato.Catalog.Stock;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mercato.Catalog.Tests.Clients;

/// <summary>Which <see cref="ICatalogClient"/> a host gets, whatever order its modules are added in.</summary>
public sealed class CatalogClientRegistrationTests
{
    [Fact]
    public void A_co_hosted_catalog_wins_whether_it_is_added_before_or_after_a_consumer()
    {
        var consumerFirst = Builder();
        consumerFirst.AddCatalogClient(CatalogScopes.Read, CatalogScopes.Stock);
        consumerFirst.AddCatalog();
        var catalogFirst = Builder();
        catalogFirst.AddCatalog();
        catalogFirst.AddCatalogClient(CatalogScopes.Read, CatalogScopes.Stock);
        catalogFirst.AddCatalogClient(CatalogScopes.Read, CatalogScopes.Stock);

        foreach (var builder in new[] { consumerFirst, catalogFirst })
        {
            var registration = Assert.Single(builder.Services, d => d.ServiceType == typeof(ICatalogClient));
            Assert.Equal(typeof(InProcessCatalogClient), registration.ImplementationType);
            using var services = builder.Services.BuildServiceProvider();
            Assert.Null(services.GetRequiredService<IOptions<CatalogClientOptions>>().Value.Url);
        }
    }

    [Fact]
    public void Without_the_catalog_the_http_client_is_used_and_needs_a_url_and_credentials()
    {
        var configured = Builder(new()
        {
            ["Services:Catalog:Url"] = "http://catalog.internal:8080",
            ["Auth:ServiceClient:ClientId"] = "orders",
            ["Auth:ServiceClient:ClientSecret"] = "secret",
        });
        configured.AddCatalogClient(CatalogScopes.Read, CatalogScopes.Stock);
        using (var services = configured.Services.BuildServiceProvider())
        {
            Assert.IsType<CatalogHttpClient>(services.CreateScope().ServiceProvider.GetRequiredService<ICatalogClient>());
            Assert.Equal(new Uri("http://catalog.internal:8080"), services.GetRequiredService<IOptions<CatalogClientOptions>>().Value.Url);
        }

        foreach (var settings in new Dictionary<string, string?>[]
        {
            new() { ["Auth:ServiceClient:ClientId"] = "orders", ["Auth:ServiceClient:ClientSecret"] = "secret" },
            new() { ["Services:Catalog:Url"] = "catalog:8080", ["Auth:ServiceClient:ClientId"] = "orders", ["Auth:ServiceClient:ClientSecret"] = "secret" },
            new() { ["Services:Catalog:Url"] = "http://catalog.internal:8080" },
        })
        {
            var builder = Builder(settings);
            builder.AddCatalogClient(CatalogScopes.Read, CatalogScopes.Stock);
            using var services = builder.Services.BuildServiceProvider();
            var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CatalogClientOptions>>().Value);
            Assert.Contains("Services:Catalog:Url", failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_host_that_needs_the_http_client_but_has_no_url_does_not_start()
    {
        var builder = Builder();
        builder.AddCatalogClient(CatalogScopes.Read, CatalogScopes.Stock);
        using var host = builder.Build();

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
    }

    private static HostApplicationBuilder Builder(Dictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        return builder;
    }
}
