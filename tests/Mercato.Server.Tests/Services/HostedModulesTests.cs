using Mercato.Platform.Hosting;

namespace Mercato.Server.Tests.Services;

/// <summary>How <c>--services</c> names turn into the modules a process hosts.</summary>
public sealed class HostedModulesTests
{
    private static readonly MercatoModule[] Known =
        [Module("identity"), Module("catalog"), Module("cart"), Module(HostedModules.GatewayName)];

    [Theory]
    [InlineData(null, "identity,catalog,cart")]
    [InlineData("", "identity,catalog,cart")]
    [InlineData(" , ", "identity,catalog,cart")]
    [InlineData("all", "identity,catalog,cart")]
    [InlineData("ALL", "identity,catalog,cart")]
    [InlineData("gateway", "gateway")]
    [InlineData("all,gateway", "identity,catalog,cart,gateway")]
    [InlineData("cart,identity", "identity,cart")]
    [InlineData("cart, Cart ,CART", "cart")]
    [InlineData("catalog,all", "identity,catalog,cart")]
    public void Names_select_modules_in_their_start_order(string? services, string expected)
    {
        var modules = HostedModules.Select(services, Known);

        Assert.Equal(expected, string.Join(',', modules.Hosted.Select(m => m.Name)));
        Assert.Equal(Known, modules.Known);
    }

    [Fact]
    public void An_unknown_name_is_refused_with_the_known_ones()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => HostedModules.Select("catalog,payments", Known));

        Assert.Equal(
            "Unknown service 'payments' in --services (Mercato:Services). Known services: all, identity, catalog, cart, gateway.",
            error.Message);
    }

    private static MercatoModule Module(string name) => new(name, [], _ => { }, _ => { });
}
