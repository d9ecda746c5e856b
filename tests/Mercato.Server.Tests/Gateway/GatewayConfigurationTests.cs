using Mercato.Platform.Hosting;
using Mercato.Server.Gateway;
using Mercato.Server.Tests.Support;
using Mercato.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mercato.Server.Tests.Gateway;

/// <summary>
/// What the gateway routes: every module's prefixes by default, plus <c>Gateway:Routes</c> for
/// custom services; malformed routes stop the start with a message naming the setting.
/// </summary>
public sealed class GatewayConfigurationTests
{
    private static readonly MercatoModule Catalog = Module("catalog", "/api/v1/products", "/api/v1/categories");
    private static readonly MercatoModule Cart = Module("cart", "/api/v1/cart");

    [Fact]
    public void Each_module_routes_its_prefixes_to_its_configured_url()
    {
        var table = GatewayRouteTable.Build([Catalog, Cart], Config(new()
        {
            ["Services:catalog:Url"] = "http://catalog.internal:8080",
        }));

        var catalog = Assert.Single(table.Routes, r => r.Service == "catalog");
        Assert.Equal(["/api/v1/products", "/api/v1/categories"], catalog.Prefixes);
        Assert.Equal(new Uri("http://catalog.internal:8080/"), catalog.Url);
        var cart = Assert.Single(table.Routes, r => r.Service == "cart");
        Assert.Null(cart.Url);

        var (routes, clusters) = table.ToProxyConfig();
        Assert.Equal(
            ["/api/v1/products/{**rest}", "/api/v1/categories/{**rest}", "/openapi/catalog.json", "/api/v1/cart/{**rest}", "/openapi/cart.json"],
            routes.Select(r => r.Match.Path!).ToArray());
        Assert.Equal("http://catalog.internal:8080/", Assert.Single(clusters.Single(c => c.ClusterId == "catalog").Destinations!).Value.Address);
        Assert.Empty(clusters.Single(c => c.ClusterId == "cart").Destinations!);
    }

    [Fact]
    public void Configured_routes_add_custom_services_and_extra_prefixes_for_modules()
    {
        var table = GatewayRouteTable.Build([Catalog], Config(new()
        {
            ["Gateway:Routes:search:Prefixes:0"] = "/api/v1/search/",
            ["Gateway:Routes:search:Prefixes:1"] = " /api/v1/suggest ",
            ["Services:search:Url"] = "https://search.internal",
            ["Gateway:Routes:Catalog:Prefixes:0"] = "/api/v1/brands",
            ["Gateway:Routes:Catalog:Prefixes:1"] = "/api/v1/PRODUCTS",
        }));

        Assert.Equal(["/api/v1/products", "/api/v1/categories", "/api/v1/brands"], table.Routes.Single(r => r.Service == "catalog").Prefixes);
        var search = Assert.Single(table.Routes, r => r.Service == "search");
        Assert.Equal(["/api/v1/search", "/api/v1/suggest"], search.Prefixes);
        Assert.Equal(new Uri("https://search.internal/"), search.Url);
    }

    [Theory]
    [InlineData("Gateway:Routes:search:Prefixes:0", "api/v1/search", "'api/v1/search' is not a valid path prefix")]
    [InlineData("Gateway:Routes:search:Prefixes:0", "/", "'/' is not a valid path prefix")]
    [InlineData("Gateway:Routes:search:Prefixes:0", "/api/{version}/search", "is not a valid path prefix")]
    [InlineData("Gateway:Routes:search:Prefixes:0", "/api//search", "is not a valid path prefix")]
    [InlineData("Gateway:Routes:search:Prefixes:0", "/api/v1/products", "'/api/v1/products' is claimed by both 'catalog' and 'search'")]
    [InlineData("Gateway:Routes:se arch:Prefixes:0", "/api/v1/search", "Gateway:Routes:se arch: a service name may contain only")]
    [InlineData("Gateway:Routes:search:Url", "http://search", "Gateway:Routes:search has no Prefixes")]
    [InlineData("Services:catalog:Url", "catalog.internal:8080", "Services:catalog:Url 'catalog.internal:8080' is not an absolute http:// or https:// URL")]
    [InlineData("Services:catalog:Url", "ftp://catalog.internal", "is not an absolute http:// or https:// URL")]
    public void Malformed_routes_are_refused_with_a_message_naming_the_setting(string key, string value, string message)
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => GatewayRouteTable.Build([Catalog], Config(new() { [key] = value })));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Modules_hosted_in_the_gateways_own_process_are_not_routed()
    {
        var gateway = GatewayModule.Create([Catalog, Cart]);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Services:catalog:Url"] = "http://catalog.internal";
        builder.Services.AddSingleton(HostedModules.Select("gateway,cart", [Catalog, Cart, gateway]));

        gateway.Add(builder);

        var table = builder.Services.Select(d => d.ImplementationInstance).OfType<GatewayRouteTable>().Single();
        Assert.Equal(["catalog"], table.Routes.Select(r => r.Service).ToArray());
    }

    [Fact]
    public async Task A_gateway_with_a_malformed_route_exits_2_naming_the_problem()
    {
        using var workDir = new TempDirectory();

        await using var process = await Processes.RunToExitAsync(
            RepoPaths.ServerDll,
            workDir,
            new Dictionary<string, string?> { ["Gateway:Routes:things:Prefixes:0"] = "api/v1/things" },
            "--services", "gateway");

        Assert.Equal(2, process.ExitCode);
        var message = Assert.Single(process.Output, line => line.StartsWith("Mercato cannot start:", StringComparison.Ordinal));
        Assert.Contains("'api/v1/things' is not a valid path prefix for service 'things'", message, StringComparison.Ordinal);
    }

    private static MercatoModule Module(string name, params string[] prefixes) => new(name, prefixes, _ => { }, _ => { });

    private static IConfiguration Config(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
