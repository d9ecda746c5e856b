using Mercato.Testing;
using Mercato.Webhooks.Data;
using Mercato.Webhooks.Ssrf;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mercato.Webhooks.Tests.Support;

/// <summary>
/// Mercato.Server hosting Identity, Catalog, Cart, Ordering and Webhooks in memory (embedded
/// mode), on SQLite files or PostgreSQL databases of its own, on a fake clock the modules read
/// (the worker runs when a test moves it). Host names resolve through a <see cref="TestResolver"/>;
/// <see cref="ReceiverHost"/> resolves to 127.0.0.1 and is the allow-list's only entry, so test
/// receivers on loopback are reachable and nothing else private is.
/// </summary>
public class WebhooksFactory : MercatoFactory<Program>
{
    /// <summary>The administrator's e-mail.</summary>
    public const string AdminEmail = "admin@webhooks.test";

    /// <summary>The administrator's password.</summary>
    public const string AdminPassword = "Admin-Passw0rd!";

    /// <summary>The allow-listed name of the test receivers.</summary>
    public const string ReceiverHost = "receiver.test";

    /// <summary>A name that resolves to a public address (never connected to in tests).</summary>
    public const string PublicHost = "public.example";

    private string _adminToken = string.Empty;

    /// <summary>Creates a host on SQLite.</summary>
    public WebhooksFactory()
        : this(postgres: false)
    {
    }

    /// <summary>Creates a host on SQLite or PostgreSQL.</summary>
    protected WebhooksFactory(bool postgres, string services = "identity,catalog,cart,ordering,webhooks", params string[] allowedHosts)
    {
        Settings["Mercato:Services"] = services;
        Settings["RateLimiting:Enabled"] = "false";
        Settings["Identity:Admin:Email"] = AdminEmail;
        Settings["Identity:Admin:Password"] = AdminPassword;
        Settings["Identity:Password:HashIterations"] = "1000";
        Settings["Identity:EmailVerification:Required"] = "false";
        Settings["Catalog:DemoData:Enabled"] = "false";
        Settings["Webhooks:DispatchInterval"] = "00:00:00.100";
        string[] allowed = allowedHosts.Length == 0 ? [ReceiverHost] : allowedHosts;
        for (var i = 0; i < allowed.Length; i++)
        {
            Settings[$"Webhooks:AllowedHosts:{i}"] = allowed[i];
        }

        if (postgres)
        {
            DatabasePrefix = TestInfrastructure.UniqueName("mercato_webhooks") + "_";
            Settings["Persistence:Provider"] = "postgres";
            Settings["Persistence:Postgres"] = TestInfrastructure.Postgres;
            Settings["Persistence:DatabasePrefix"] = DatabasePrefix;
        }

        Resolver.Set(ReceiverHost, "127.0.0.1");
        Resolver.Set(PublicHost, "93.184.216.34");
        Resolver.Set("localhost", "127.0.0.1", "::1");
        Resolver.Set("private.test", "10.0.0.5");
        Resolver.Set("metadata.test", "169.254.169.254");
        Resolver.Set("mixed.test", "93.184.216.34", "127.0.0.1");
        Resolver.Set("v6local.test", "fd00::1");
    }

    private WebhooksFactory(WebhooksFactory before, bool sameClock)
        : base(before.DataDirectory)
    {
        foreach (var (key, value) in before.Settings)
        {
            Settings[key] = value;
        }

        DatabasePrefix = before.DatabasePrefix;
        Resolver = before.Resolver;
        Clock = sameClock ? before.Clock : new FakeTimeProvider(before.Clock.GetUtcNow());
    }

    /// <summary>The PostgreSQL database prefix, or null on SQLite.</summary>
    public string? DatabasePrefix { get; }

    /// <summary>The clock the modules read; it starts at the real time.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The host's resolver.</summary>
    internal TestResolver Resolver { get; } = new();

    private bool OwnsDatabases { get; set; } = true;

    /// <summary>Moves the clock 100 ms (the dispatch interval), so the worker looks for due deliveries.</summary>
    public void Tick() => Clock.Advance(TimeSpan.FromMilliseconds(100));

    /// <summary>The host that runs on this one's data once it stopped (it takes the data over).</summary>
    public WebhooksFactory Restarted()
    {
        OwnsData = false;
        OwnsDatabases = false;
        return new WebhooksFactory(this, sameClock: true);
    }

    /// <summary>A second process on this one's data (the same SQLite files or PostgreSQL databases) running at the same time, with a clock of its own; this one keeps the data.</summary>
    public WebhooksFactory Replica() => new(this, sameClock: false) { OwnsData = false, OwnsDatabases = false };

    /// <summary>The administrator's token (signed in once, while the clock is still near the real one).</summary>
    public async Task<string> AdminTokenAsync(HttpClient client)
    {
        if (_adminToken.Length == 0)
        {
            _adminToken = await client.SignInAsync(AdminEmail, AdminPassword);
        }

        return _adminToken;
    }

    /// <summary>Runs <paramref name="work"/> with a fresh Webhooks DbContext of its own scope.</summary>
    internal async Task<T> WithDbAsync<T>(Func<WebhooksDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<WebhooksDbContext>());
    }

    /// <summary>
    /// The audit entries (<c>platform.audit-recorded.v1</c> in the module's outbox) of <paramref name="action"/>
    /// on <paramref name="resourceId"/>: what the Logs module would store.
    /// </summary>
    internal Task<List<System.Text.Json.JsonElement>> AuditEntriesAsync(string action, Guid resourceId) => WithDbAsync(async db =>
    {
        var id = resourceId.ToString();
        var payloads = await db.Set<Mercato.Messaging.Outbox.OutboxMessage>().AsNoTracking()
            .Where(m => m.Type == "platform.audit-recorded.v1" && m.Payload.Contains(id))
            .Select(m => m.Payload).ToListAsync();
        return payloads
            .SelectMany(p => System.Text.Json.JsonDocument.Parse(p).RootElement.GetProperty("entries").EnumerateArray().Select(e => e.Clone()).ToList())
            .Where(e => e.GetProperty("action").GetString() == action && e.GetProperty("resourceId").GetString() == id)
            .ToList();
    });

    /// <summary>Waits until <paramref name="condition"/> holds, moving the clock so the worker runs; fails after 30 s.</summary>
    public Task EventuallyAsync(Func<Task<bool>> condition, string what) => Eventually.HoldsAsync(condition, what, Tick, pollMilliseconds: 100);

    /// <summary>Waits until <paramref name="condition"/> holds without moving the clock; fails after 30 s.</summary>
    public static Task WaitAsync(Func<bool> condition, string what) => Eventually.HoldsAsync(() => Task.FromResult(condition()), what, pollMilliseconds: 50);

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IHostResolver>(Resolver);
        });
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

/// <summary>The same host on PostgreSQL.</summary>
public sealed class PostgresWebhooksFactory() : WebhooksFactory(postgres: true);

/// <summary>Identity and Webhooks only, for the tests that move the clock by hours and days (each builds its own).</summary>
public sealed class ClockWebhooksFactory(bool postgres, params string[] allowedHosts) : WebhooksFactory(postgres, "identity,webhooks", allowedHosts);
