using System.Security.Cryptography;
using System.Text;
using Mercato.Logs.Data;
using Mercato.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Logs.Tests.Support;

/// <summary>
/// Mercato.Server hosting every business module with Logs in memory (embedded mode), on SQLite or
/// PostgreSQL, with a known administrator, a service client allowed to ship logs and a fake clock
/// (the retention job runs when a test moves it). Logs ship at Information and above, in batches
/// flushed every 100 ms.
/// </summary>
public class LogsFactory : ModuleHostFactory<Program>
{
    /// <summary>The administrator's e-mail.</summary>
    public const string AdminEmail = "admin@logs.test";

    /// <summary>The administrator's password.</summary>
    public const string AdminPassword = "Admin-Passw0rd!";

    /// <summary>A service client allowed to ship logs (<c>logs.write</c>).</summary>
    public const string ShipperClient = "shipper";

    /// <summary>A service client with another scope only (for the 403 paths).</summary>
    public const string ReportsClient = "reports";

    /// <summary>The service clients' secret.</summary>
    public const string ClientSecret = "logs-test-secret-9Wq3";

    /// <summary>Creates a host on SQLite.</summary>
    public LogsFactory()
        : this(postgres: false)
    {
    }

    /// <summary>Creates a host on SQLite or on its own PostgreSQL databases.</summary>
    protected LogsFactory(bool postgres)
        : this("identity,catalog,cart,ordering,payments,notifications,webhooks,support,logs", postgres)
    {
    }

    /// <summary>Creates a host of <paramref name="services"/>.</summary>
    protected LogsFactory(string services, bool postgres)
        : base(services, postgres, "mercato_logs")
    {
        Settings["Identity:Admin:Email"] = AdminEmail;
        Settings["Identity:Admin:Password"] = AdminPassword;
        Settings["Identity:Password:HashIterations"] = "1000";
        Settings["Identity:EmailVerification:Required"] = "false";
        Settings["Catalog:DemoData:Enabled"] = "false";
        Settings["Logging:LogLevel:Default"] = "Information";
        Settings["Logging:LogLevel:Microsoft.AspNetCore.Routing.EndpointMiddleware"] = "Information";
        Settings["Logs:Shipping:FlushInterval"] = "00:00:00.100";
        Settings["Logs:RetentionInterval"] = "01:00:00";
        var secretHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ClientSecret)));
        Settings[$"Identity:Clients:{ShipperClient}:SecretHash"] = secretHash;
        Settings[$"Identity:Clients:{ShipperClient}:Scopes:0"] = "logs.write";
        Settings[$"Identity:Clients:{ReportsClient}:SecretHash"] = secretHash;
        Settings[$"Identity:Clients:{ReportsClient}:Scopes:0"] = "ordering.read";
    }

    /// <summary>Runs <paramref name="work"/> with a fresh Logs DbContext of its own scope.</summary>
    internal async Task<T> WithDbAsync<T>(Func<LogsDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LogsDbContext>());
    }
}

/// <summary>The same host on PostgreSQL.</summary>
public sealed class PostgresLogsFactory() : LogsFactory(postgres: true);
