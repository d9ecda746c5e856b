using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mercato.Messaging.Events;
using Mercato.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Mercato.Ordering.Data;
using Mercato.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Ordering.Tests.Support;

/// <summary>
/// Mercato.Server hosting Identity, Catalog, Cart and Ordering in memory (embedded mode:
/// in-process clients and events), on SQLite or PostgreSQL, with a known administrator and a fake clock.
/// </summary>
public class OrderingFactory : ModuleHostFactory<Program>
{
    /// <summary>The administrator's e-mail.</summary>
    public const string AdminEmail = "admin@ordering.test";

    /// <summary>The administrator's password.</summary>
    public const string AdminPassword = "Admin-Passw0rd!";

    /// <summary>A service client with no customer role (for the 403 paths).</summary>
    public const string ReportsClient = "reports";

    /// <summary>A service client that records payments (scope <c>ordering.payments</c>), as Payments will.</summary>
    public const string PaymentsClient = "payments";

    /// <summary>The service clients' secret (only its hash is configured).</summary>
    public const string ClientSecret = "ordering-test-secret-4Qk8";

    /// <summary>Creates a host on SQLite.</summary>
    public OrderingFactory()
        : this(postgres: false)
    {
    }

    /// <summary>Creates a host on SQLite or on its own PostgreSQL databases.</summary>
    protected OrderingFactory(bool postgres)
        : base("identity,catalog,cart,ordering", postgres, "mercato_ordering")
    {
        Settings["Identity:Admin:Email"] = AdminEmail;
        Settings["Identity:Admin:Password"] = AdminPassword;
        Settings["Identity:Password:HashIterations"] = "1000";
        Settings["Catalog:DemoData:Enabled"] = "false";
        Settings[$"Identity:Clients:{ReportsClient}:SecretHash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ClientSecret)));
        Settings[$"Identity:Clients:{ReportsClient}:Scopes:0"] = "ordering.read";
        Settings[$"Identity:Clients:{PaymentsClient}:SecretHash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ClientSecret)));
        Settings[$"Identity:Clients:{PaymentsClient}:Scopes:0"] = "ordering.payments";
    }

    /// <summary>
    /// Delivers <paramref name="integrationEvent"/> as another module's would arrive: it reaches
    /// every subscribed handler through its inbox.
    /// </summary>
    public Task PublishAsync(IntegrationEvent integrationEvent) => Services.PublishAsync(integrationEvent, "tests");

    /// <summary>The payloads of the <paramref name="type"/> events Ordering wrote to its outbox for order <paramref name="orderId"/>.</summary>
    public Task<List<JsonElement>> EventsAsync(string type, Guid orderId) => WithOrderingDbAsync(async db =>
    {
        var id = orderId.ToString();
        var payloads = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Type == type && m.Payload.Contains(id)).Select(m => m.Payload).ToListAsync();
        return payloads.Select(p => JsonDocument.Parse(p).RootElement.Clone()).ToList();
    });

    /// <summary>Runs <paramref name="work"/> with a fresh Ordering DbContext of its own scope.</summary>
    internal async Task<T> WithOrderingDbAsync<T>(Func<OrderingDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<OrderingDbContext>());
    }
}

/// <summary>Identity, Catalog, Cart and Ordering on PostgreSQL.</summary>
public sealed class PostgresOrderingFactory() : OrderingFactory(postgres: true);
