using System.Security.Cryptography;
using System.Text;
using Mercato.Testing;

namespace Mercato.Cart.Tests.Support;

/// <summary>
/// Mercato.Server hosting Identity, Catalog and Cart in memory (embedded mode: in-process catalog
/// client and events), on SQLite or PostgreSQL, with a known administrator, a fake clock and two
/// service clients: <c>checkout</c> with the <c>cart.checkout</c> scope and <c>reports</c> without it.
/// </summary>
public class CartFactory : ModuleHostFactory<Program>
{
    /// <summary>The administrator's e-mail.</summary>
    public const string AdminEmail = "admin@cart.test";

    /// <summary>The administrator's password.</summary>
    public const string AdminPassword = "Admin-Passw0rd!";

    /// <summary>The client allowed to read and clear carts and redeem coupons.</summary>
    public const string CheckoutClient = "checkout";

    /// <summary>A client without the checkout scope.</summary>
    public const string ReportsClient = "reports";

    /// <summary>Both clients' secret (only its hash is configured).</summary>
    public const string ClientSecret = "cart-test-secret-7Wz2";

    /// <summary>Creates a host on SQLite.</summary>
    public CartFactory()
        : this(postgres: false)
    {
    }

    /// <summary>Creates a host on SQLite or on its own PostgreSQL databases.</summary>
    protected CartFactory(bool postgres)
        : base("identity,catalog,cart", postgres, "mercato_cart")
    {
        Settings["Identity:Admin:Email"] = AdminEmail;
        Settings["Identity:Admin:Password"] = AdminPassword;
        Settings["Identity:Password:HashIterations"] = "1000";
        Settings["Catalog:DemoData:Enabled"] = "false";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ClientSecret)));
        Settings[$"Identity:Clients:{CheckoutClient}:SecretHash"] = hash;
        Settings[$"Identity:Clients:{CheckoutClient}:Scopes:0"] = "cart.checkout";
        Settings[$"Identity:Clients:{ReportsClient}:SecretHash"] = hash;
        Settings[$"Identity:Clients:{ReportsClient}:Scopes:0"] = "cart.reports";
    }
}

/// <summary>Identity, Catalog and Cart on PostgreSQL.</summary>
public sealed class PostgresCartFactory() : CartFactory(postgres: true);
