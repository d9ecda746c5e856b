using Mercato.Identity.Tests.Support;

namespace Mercato.Identity.Tests.Clients;

/// <summary>
/// Identity with three service clients: <c>orders</c> (catalog.stock, cart.read); <c>reports</c>,
/// whose secret needs encoding in a Basic header and whose hash is upper-case hex; and
/// <c>misconfigured</c>, whose hash is not a SHA-256 digest at all.
/// </summary>
public sealed class ServiceClientFactory : IdentityFactory
{
    /// <summary>The reports client.</summary>
    public const string ReportsId = "reports";

    /// <summary>Its secret: characters a Basic header must form-encode.</summary>
    public const string ReportsSecret = "r3p:rts+s/cr=t %";

    /// <summary>The misconfigured client.</summary>
    public const string MisconfiguredId = "misconfigured";

    /// <summary>The secret the misconfigured client's "hash" holds verbatim.</summary>
    public const string MisconfiguredSecret = "plain-text-secret";

    /// <summary>Creates the host.</summary>
    public ServiceClientFactory()
    {
        ServiceClients.ConfigureOrders(this);
        this.Apply(ServiceClients.Settings(ReportsId, ServiceClients.Sha256Hex(ReportsSecret).ToUpperInvariant(), "orders.read"));
        this.Apply(ServiceClients.Settings(MisconfiguredId, MisconfiguredSecret, "orders.read"));
    }
}
