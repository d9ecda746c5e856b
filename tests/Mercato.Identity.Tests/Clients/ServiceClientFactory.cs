using Mercato.Identity.Tests.Support;

namespace Mercato.Identity.Tests.Clients;

/// <summary>
/// Identity with two service clients: <c>orders</c> (catalog.stock, cart.read) and <c>reports</c>,
/// whose secret needs encoding in a Basic header and whose hash is upper-case hex. (A client whose
/// hash is not a SHA-256 digest stops the start: see the server's ConfigurationErrorTests.)
/// </summary>
public sealed class ServiceClientFactory : IdentityFactory
{
    /// <summary>The reports client.</summary>
    public const string ReportsId = "reports";

    /// <summary>Its secret: characters a Basic header must form-encode.</summary>
    public const string ReportsSecret = "r3p:rts+s/cr=t %";

    /// <summary>Creates the host.</summary>
    public ServiceClientFactory()
    {
        ServiceClients.ConfigureOrders(this);
        this.Apply(ServiceClients.Settings(ReportsId, ServiceClients.Sha256Hex(ReportsSecret).ToUpperInvariant(), "orders.read"));
    }
}
