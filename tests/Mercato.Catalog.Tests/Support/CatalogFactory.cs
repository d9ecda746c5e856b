using Mercato.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mercato.Catalog.Tests.Support;

/// <summary>
/// Mercato.Server hosting Identity and Catalog in memory (embedded mode), on real SQLite files
/// or a real PostgreSQL database of its own, with a known administrator and a fake clock that
/// starts at the real time (the bearer handler still validates tokens with the real clock).
/// Demo data is off unless a test turns it on.
/// </summary>
public class CatalogFactory : MercatoFactory<Program>
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
    {
        Settings["Mercato:Services"] = "identity,catalog";
        Settings["Identity:Admin:Email"] = AdminEmail;
        Settings["Identity:Admin:Password"] = AdminPassword;
        Settings["Identity:Password:HashIterations"] = "1000";
        Settings["Catalog:DemoData:Enabled"] = "false";
        Settings["RateLimiting:Enabled"] = "false";
        if (postgres)
        {
            DatabasePrefix = TestInfrastructure.UniqueName("mercato_cat") + "_";
            Settings["Persistence:Provider"] = "postgres";
            Settings["Persistence:Postgres"] = TestInfrastructure.Postgres;
            Settings["Persistence:DatabasePrefix"] = DatabasePrefix;
        }
    }

    /// <summary>The PostgreSQL database prefix, or null on SQLite.</summary>
    public string? DatabasePrefix { get; }

    /// <summary>The clock the modules read.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (DatabasePrefix is not null)
        {
            await TestInfrastructure.DropPostgresDatabasesAsync(DatabasePrefix);
        }
    }
}

/// <summary>Identity and Catalog on PostgreSQL.</summary>
public sealed class PostgresCatalogFactory() : CatalogFactory(postgres: true);
