using System.Net.Http.Headers;
using Mercato.Messaging.Operations;
using Mercato.Messaging.Outbox;
using Mercato.Messaging.Tests.RabbitMq;
using Mercato.Messaging.Tests.Support;
using Mercato.Probe.Data;
using Mercato.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Messaging.Tests.Operations;

/// <summary>
/// The TestHost (Probe, which publishes NoteCreated, and Audit, which consumes it) in memory
/// behind a test token issuer, for the operations endpoints: on SQLite files, on PostgreSQL
/// databases of its own, or on PostgreSQL and the test RabbitMQ (an exchange and queues of its
/// own, deleted at the end). The Audit handler fails every delivery of a note containing
/// <see cref="RabbitMqSettings.Poison"/> until a test changes <c>Audit:AlwaysFailMarker</c>.
/// </summary>
public abstract class OperationsHost(bool postgres, bool rabbitMq) : IAsyncLifetime
{
    private TestIssuer? _issuer;

    /// <summary>The unique name of this host's databases, exchange and queues.</summary>
    public string Name { get; } = TestInfrastructure.UniqueName("ops");

    /// <summary>The in-memory server.</summary>
    public MercatoFactory<Program> Factory { get; } = new();

    /// <summary>The token issuer the server trusts.</summary>
    public TestIssuer Issuer => _issuer ?? throw new InvalidOperationException("Not started.");

    /// <summary>An anonymous client.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>A client signed in as an administrator.</summary>
    public HttpClient Admin { get; private set; } = null!;

    /// <summary>Whether it runs on RabbitMQ.</summary>
    public bool OnRabbitMq => rabbitMq;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        _issuer = await TestIssuer.StartAsync();
        foreach (var (key, value) in Issuer.Settings)
        {
            Factory.Settings[key] = value;
        }

        if (rabbitMq)
        {
            foreach (var (key, value) in RabbitMqSettings.For(Name, TestBroker.Uri))
            {
                Factory.Settings[key] = value;
            }
        }

        if (postgres)
        {
            Factory.Settings["Persistence:Provider"] = "postgres";
            Factory.Settings["Persistence:Postgres"] = TestInfrastructure.Postgres;
            Factory.Settings["Persistence:DatabasePrefix"] = Name + "_";
        }

        Factory.Settings["Mercato:Services"] = "probe,audit";
        Factory.Settings["Audit:FailFirstAttempts"] = "0";
        Factory.Settings["Audit:AlwaysFailMarker"] = RabbitMqSettings.Poison;
        Factory.Settings["Messaging:Relay:PollInterval"] = "00:00:00.200";
        Anonymous = Factory.CreateClient();
        Admin = ClientWith(Issuer.UserToken(Guid.NewGuid().ToString(), "Admin"));
    }

    /// <summary>A client sending <paramref name="token"/> as its bearer token.</summary>
    public HttpClient ClientWith(string token)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The path of a module's operations endpoint.</summary>
    public static string PathOf(string module, string rest) => MessagingOperationsApi.RoutePrefix(module) + rest;

    /// <summary>Runs <paramref name="work"/> against the Probe module's own database.</summary>
    public async Task<T> WithProbeDbAsync<T>(Func<ProbeDbContext, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ProbeDbContext>());
    }

    /// <summary>Adds a parked outbox row of an event nobody subscribes to (so a replay publishes it at once) and returns its id.</summary>
    public Task<Guid> AddParkedRowAsync() => WithProbeDbAsync(async db =>
    {
        var id = Guid.CreateVersion7();
        var now = DateTime.UtcNow;
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = id,
            Type = "probe.operations-test.v1",
            Payload = $$"""{"id":"{{id}}"}""",
            Source = "probe",
            OccurredAt = now,
            Attempts = 10,
            NextAttemptAt = now,
            LastError = "TimeoutException: the broker did not confirm",
            ParkedAt = now,
        });
        await db.SaveChangesAsync();
        return id;
    });

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Anonymous?.Dispose();
        Admin?.Dispose();
        await Factory.DisposeAsync();
        if (_issuer is not null)
        {
            await _issuer.DisposeAsync();
        }

        if (rabbitMq)
        {
            await using var broker = await TestBroker.ConnectAsync();
            await broker.DeleteTopologyAsync(RabbitMqSettings.ExchangeOf(Name), RabbitMqSettings.QueuePrefixOf(Name), "audit");
        }

        if (postgres)
        {
            await TestInfrastructure.DropPostgresDatabasesAsync(Name + "_");
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>On SQLite files, in-process transport.</summary>
public sealed class SqliteOperationsHost() : OperationsHost(postgres: false, rabbitMq: false);

/// <summary>On PostgreSQL, in-process transport.</summary>
public sealed class PostgresOperationsHost() : OperationsHost(postgres: true, rabbitMq: false);

/// <summary>On PostgreSQL and RabbitMQ.</summary>
public sealed class RabbitMqOperationsHost() : OperationsHost(postgres: true, rabbitMq: true);
