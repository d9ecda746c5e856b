using Mercato.Testing;

namespace Mercato.Catalog.Tests.Support;

/// <summary>
/// Mercato.Server hosting Identity and Catalog in memory (embedded mode), on SQLite or
/// PostgreSQL, with a known administrator and a fake clock (see
/// <see cref="ModuleHostFactory{TEntryPoint}"/>). Demo data is off unless a test turns it on.
/// </summary>
public class CatalogFactory : ModuleHostFactory<Program>
{
    /// <summary>The administrator's e-mail.</summary>
    public const string AdminEmail = "admin@catalog.test";

    /// <summary>The administrator's password.</summary>
    public const string AdminPassword = "Admin-Passw0rd!";

    /// <summary>Creates a host on SQLite.</summary>
    public CatalogFactory()
        : this(postgres: false)
    {
    }

    /// <summary>Creates a host on SQLite or on its own PostgreSQL databases.</summary>
    protected CatalogFactory(bool postgres)
        : base("identity,catalog", postgres, "mercato_cat")
    {
        Settings["Identity:Admin:Email"] = AdminEmail;
        Settings["Identity:Admin:Password"] = AdminPassword;
        Settings["Identity:Password:HashIterations"] = "1000";
        Settings["Catalog:DemoData:Enabled"] = "false";
        // Search tests see which answers came from the Lucene engine's result cache.
        Settings["Logging:LogLevel:Mercato.Catalog.Search.Index.LuceneSearchEngine"] = "Debug";
    }
}

/// <summary>Identity and Catalog on PostgreSQL.</summary>
public sealed class PostgresCatalogFactory() : CatalogFactory(postgres: true);
