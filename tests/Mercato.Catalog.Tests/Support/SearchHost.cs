using Mercato.Testing;

namespace Mercato.Catalog.Tests.Support;

/// <summary>
/// Identity and Catalog (Lucene search) on the real clock, on SQLite files or PostgreSQL databases
/// of its own, that can be stopped and started again on the same data (<see cref="Restarted"/>)
/// or joined by a second Catalog process on the same PostgreSQL databases with its own data
/// folder, so its own index (<see cref="Replica"/>). The search index logs at Information.
/// </summary>
public sealed class SearchHost : MercatoFactory<Program>
{
    private SearchHost(bool postgres, string? databasePrefix)
    {
        Settings["Mercato:Services"] = "identity,catalog";
        Settings["RateLimiting:Enabled"] = "false";
        Settings["Identity:Admin:Email"] = CatalogFactory.AdminEmail;
        Settings["Identity:Admin:Password"] = CatalogFactory.AdminPassword;
        Settings["Identity:Password:HashIterations"] = "1000";
        Settings["Catalog:DemoData:Enabled"] = "false";
        Settings["Logging:LogLevel:Mercato.Catalog.Search"] = "Information";
        if (postgres)
        {
            DatabasePrefix = databasePrefix ?? TestInfrastructure.UniqueName("mercato_search") + "_";
            Settings["Persistence:Provider"] = "postgres";
            Settings["Persistence:Postgres"] = TestInfrastructure.Postgres;
            Settings["Persistence:DatabasePrefix"] = DatabasePrefix;
        }
    }

    private SearchHost(SearchHost before)
        : base(before.DataDirectory)
    {
        foreach (var (key, value) in before.Settings)
        {
            Settings[key] = value;
        }

        DatabasePrefix = before.DatabasePrefix;
    }

    /// <summary>The PostgreSQL database prefix, or null on SQLite.</summary>
    public string? DatabasePrefix { get; }

    /// <summary>Whether disposing drops the PostgreSQL databases.</summary>
    private bool OwnsDatabases { get; set; } = true;

    /// <summary>The index's folder.</summary>
    public string IndexRoot => Path.Combine(DataDirectory, "search", "catalog");

    /// <summary>A host on SQLite files of its own.</summary>
    public static SearchHost Sqlite() => new(postgres: false, null);

    /// <summary>A host on PostgreSQL databases of its own.</summary>
    public static SearchHost Postgres() => new(postgres: true, null);

    /// <summary>The host that runs on this one's data once it stopped (it takes the data over).</summary>
    public SearchHost Restarted()
    {
        OwnsData = false;
        OwnsDatabases = false;
        return new SearchHost(this);
    }

    /// <summary>A second Catalog process on this one's PostgreSQL databases, with its own data folder and index.</summary>
    public SearchHost Replica()
    {
        var replica = new SearchHost(postgres: true, DatabasePrefix) { OwnsDatabases = false };
        // Identity replicas share the Data Protection key ring that protects their signing keys.
        replica.Settings["Identity:DataProtection:KeysDirectory"] = Path.Combine(DataDirectory, "keys");
        return replica;
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (OwnsDatabases && DatabasePrefix is not null)
        {
            await TestInfrastructure.DropPostgresDatabasesAsync(DatabasePrefix);
        }
    }
}
