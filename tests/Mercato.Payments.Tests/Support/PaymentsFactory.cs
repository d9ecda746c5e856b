using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mercato.Messaging.Outbox;
using Mercato.Payments.Data;
using Mercato.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Payments.Tests.Support;

/// <summary>
/// Mercato.Server hosting Identity, Catalog, Cart, Ordering and Payments in memory (embedded mode),
/// on SQLite or PostgreSQL, with a known administrator and a fake clock. The sandbox's webhooks
/// reach this same server through the in-memory handler (its HttpClient's primary handler), so
/// they go through the whole pipeline; they leave when the clock passes their delay.
/// </summary>
public class PaymentsFactory : ModuleHostFactory<Program>
{
    /// <summary>The administrator's e-mail.</summary>
    public const string AdminEmail = "admin@payments.test";

    /// <summary>The administrator's password.</summary>
    public const string AdminPassword = "Admin-Passw0rd!";

    /// <summary>A service client with no shopper role (for the 403 paths).</summary>
    public const string ReportsClient = "reports";

    /// <summary>The service clients' secret.</summary>
    public const string ClientSecret = "payments-test-secret-4Qk8";

    /// <summary>The sandbox's webhook secret in these tests.</summary>
    public const string WebhookSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    /// <summary>Creates a host on SQLite.</summary>
    public PaymentsFactory()
        : this(postgres: false)
    {
    }

    /// <summary>Creates a host on SQLite or on its own PostgreSQL databases.</summary>
    protected PaymentsFactory(bool postgres)
        : base("identity,catalog,cart,ordering,payments", postgres, "mercato_payments")
    {
        Settings["Identity:Admin:Email"] = AdminEmail;
        Settings["Identity:Admin:Password"] = AdminPassword;
        Settings["Identity:Password:HashIterations"] = "1000";
        Settings["Catalog:DemoData:Enabled"] = "false";
        Settings["Payments:Sandbox:WebhookSecret"] = WebhookSecret;
        Settings["Payments:Sandbox:WebhookDelay"] = "00:00:02";
        Settings[$"Identity:Clients:{ReportsClient}:SecretHash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ClientSecret)));
        Settings[$"Identity:Clients:{ReportsClient}:Scopes:0"] = "ordering.read";
    }

    /// <summary>A client that does not follow redirects, as a test of a browser's steps needs.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>The payloads of the <paramref name="type"/> events Payments wrote to its outbox mentioning <paramref name="id"/>.</summary>
    public Task<List<JsonElement>> EventsAsync(string type, Guid id) => WithDbAsync(async db =>
    {
        var text = id.ToString();
        var payloads = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Type == type && m.Payload.Contains(text)).Select(m => m.Payload).ToListAsync();
        return payloads.Select(p => JsonDocument.Parse(p).RootElement.Clone()).ToList();
    });

    /// <summary>Runs <paramref name="work"/> with a fresh Payments DbContext of its own scope.</summary>
    internal async Task<T> WithDbAsync<T>(Func<PaymentsDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PaymentsDbContext>());
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services
            .AddHttpClient(Gateways.Sandbox.SandboxWebhookSender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => ((TestServer)provider.GetRequiredService<IServer>()).CreateHandler()));
    }
}

/// <summary>The same host on PostgreSQL.</summary>
public sealed class PostgresPaymentsFactory() : PaymentsFactory(postgres: true);
