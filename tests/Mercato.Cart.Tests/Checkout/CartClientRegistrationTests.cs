using Mercato.Cart.Checkout;
using Mercato.Cart.Client;
using Mercato.Cart.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mercato.Cart.Tests.Checkout;

/// <summary>Which <see cref="ICartClient"/> a host gets, whatever order its modules are added in.</summary>
public sealed class CartClientRegistrationTests
{
    [Fact]
    public void A_co_hosted_cart_wins_whether_it_is_added_before_or_after_a_consumer()
    {
        var consumerFirst = Builder();
        consumerFirst.AddCartClient(CartScopes.Checkout);
        consumerFirst.AddCart();
        var cartFirst = Builder();
        cartFirst.AddCart();
        cartFirst.AddCartClient(CartScopes.Checkout);
        cartFirst.AddCartClient(CartScopes.Checkout);

        foreach (var builder in new[] { consumerFirst, cartFirst })
        {
            var registration = Assert.Single(builder.Services, d => d.ServiceType == typeof(ICartClient));
            Assert.Equal(typeof(InProcessCartClient), registration.ImplementationType);
            using var services = builder.Services.BuildServiceProvider();
            Assert.Null(services.GetRequiredService<IOptions<CartClientOptions>>().Value.Url);
        }
    }

    [Fact]
    public void Without_the_cart_the_http_client_is_used_and_needs_a_url_and_credentials()
    {
        var configured = Builder(new()
        {
            ["Services:Cart:Url"] = "http://cart.internal:8080",
            ["Auth:ServiceClient:ClientId"] = "ordering",
            ["Auth:ServiceClient:ClientSecret"] = "secret",
        });
        configured.AddCartClient(CartScopes.Checkout);
        using (var services = configured.Services.BuildServiceProvider())
        {
            Assert.IsType<CartHttpClient>(services.CreateScope().ServiceProvider.GetRequiredService<ICartClient>());
            Assert.Equal(new Uri("http://cart.internal:8080"), services.GetRequiredService<IOptions<CartClientOptions>>().Value.Url);
        }

        foreach (var settings in new Dictionary<string, string?>[]
        {
            new() { ["Auth:ServiceClient:ClientId"] = "ordering", ["Auth:ServiceClient:ClientSecret"] = "secret" },
            new() { ["Services:Cart:Url"] = "cart:8080", ["Auth:ServiceClient:ClientId"] = "ordering", ["Auth:ServiceClient:ClientSecret"] = "secret" },
            new() { ["Services:Cart:Url"] = "http://cart.internal:8080" },
        })
        {
            var builder = Builder(settings);
            builder.AddCartClient(CartScopes.Checkout);
            using var services = builder.Services.BuildServiceProvider();
            var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CartClientOptions>>().Value);
            Assert.Contains("Services:Cart:Url", failure.Message, StringComparison.Ordinal);
        }
    }

    private static HostApplicationBuilder Builder(Dictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        return builder;
    }
}
