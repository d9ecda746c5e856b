using Mercato.Identity.Contracts;

namespace Mercato.Identity.Tests.Support;

/// <summary>
/// Identity for the profile and address tests: the <c>orders</c> service client may read saved
/// addresses (<c>identity.addresses</c>), as Ordering's does in distributed mode; its token carries
/// no user, so the shopper endpoints answer it 403.
/// </summary>
public class AccountsFactory : IdentityFactory
{
    /// <summary>A service client without <c>identity.addresses</c>.</summary>
    public const string ReportsId = "reports";

    /// <summary>Its secret.</summary>
    public const string ReportsSecret = "reports-secret-9Jx4";

    /// <summary>Creates a host on SQLite.</summary>
    public AccountsFactory()
        : this(postgres: false)
    {
    }

    /// <summary>Creates a host on SQLite or PostgreSQL.</summary>
    protected AccountsFactory(bool postgres)
        : base(postgres)
    {
        this.Apply(ServiceClients.Settings(ServiceClients.OrdersId, ServiceClients.Sha256Hex(ServiceClients.OrdersSecret), IdentityScopes.Addresses));
        this.Apply(ServiceClients.Settings(ReportsId, ServiceClients.Sha256Hex(ReportsSecret), "orders.read"));
    }
}

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresAccountsFactory() : AccountsFactory(postgres: true);
