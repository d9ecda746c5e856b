using Mercato.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mercato.Identity.Tests.Support;

/// <summary>
/// Mercato.Server hosting only the Identity module, in memory, on real SQLite files or a real
/// PostgreSQL database of its own. A fake clock starts at the real time and only moves when a
/// test advances it (token validation in the bearer handler still uses the real clock).
/// </summary>
public class IdentityFactory : MercatoFactory<Program>
{
    /// <summary>The administrator's e-mail in every test host.</summary>
    public const string AdminEmail = "admin@identity.test";

    /// <summary>The administrator's password in every test host.</summary>
    public const string AdminPassword = "Admin-Passw0rd!";

    /// <summary>Creates a host on SQLite.</summary>
    public IdentityFactory()
        : this(postgres: false)
    {
    }

    /// <summary>Creates a host on SQLite or on its own PostgreSQL database.</summary>
    protected IdentityFactory(bool postgres)
    {
        Settings["Mercato:Services"] = "identity";
        Settings["Identity:Admin:Email"] = AdminEmail;
        Settings["Identity:Admin:Password"] = AdminPassword;
        // Hashing cost is a setting; these tests sign up many accounts on a 2-core machine.
        // PasswordHashingTests checks the production default separately.
        Settings["Identity:Password:HashIterations"] = "1000";
        Settings["RateLimiting:Enabled"] = "false";
        if (postgres)
        {
            DatabasePrefix = TestInfrastructure.UniqueName("mercato_idt") + "_";
            Settings["Persistence:Provider"] = "postgres";
            Settings["Persistence:Postgres"] = TestInfrastructure.Postgres;
            Settings["Persistence:DatabasePrefix"] = DatabasePrefix;
        }
    }

    /// <summary>The PostgreSQL database prefix, or null on SQLite.</summary>
    public string? DatabasePrefix { get; }

    /// <summary>The clock the module reads.</summary>
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

/// <summary>Identity on PostgreSQL.</summary>
public sealed class PostgresIdentityFactory() : IdentityFactory(postgres: true);
