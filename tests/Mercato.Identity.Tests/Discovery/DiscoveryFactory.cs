using Mercato.Identity.Tests.Support;

namespace Mercato.Identity.Tests.Discovery;

/// <summary>Identity with an issuer of its own (not the default) and the <c>orders</c> service client.</summary>
public sealed class DiscoveryFactory : IdentityFactory
{
    /// <summary>The configured issuer.</summary>
    public const string Issuer = "https://identity.mercato.test";

    /// <summary>Creates the host.</summary>
    public DiscoveryFactory()
    {
        Settings["Auth:Issuer"] = Issuer;
        ServiceClients.ConfigureOrders(this);
    }
}
