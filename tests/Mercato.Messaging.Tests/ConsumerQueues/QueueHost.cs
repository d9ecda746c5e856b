using Mercato.Messaging.InProcess;
using Mercato.Messaging.Outbox;
using Mercato.Probe.Data;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Messaging.Tests.ConsumerQueues;

/// <summary>
/// The TestHost in embedded mode (Probe publishes NoteCreated; Audit and Tally each consume it
/// through their own queue) on real SQLite files or PostgreSQL databases of its own, with the
/// real clock. Audit blocks for <see cref="BlockFor"/> on notes containing <see cref="Slow"/>
/// (deaf to cancellation, like a hung SMTP server) and always fails on notes containing
/// <see cref="Poison"/>; copies are retried quickly and parked after <see cref="MaxAttempts"/>.
/// </summary>
public class QueueHost : MercatoFactory<Program>
{
    /// <summary>Notes whose text contains this block the Audit handler.</summary>
    public const string Slow = "slow";

    /// <summary>Notes whose text contains this fail in the Audit handler every time.</summary>
    public const string Poison = "poison";

    /// <summary>Failed attempts after which a copy is parked.</summary>
    public const int MaxAttempts = 4;

    /// <summary>How long the Audit handler blocks on a slow note.</summary>
    public static readonly TimeSpan BlockFor = TimeSpan.FromSeconds(30);

    /// <summary>Creates a host on SQLite or on PostgreSQL databases of its own.</summary>
    protected QueueHost(bool postgres)
    {
        if (postgres)
        {
            DatabasePrefix = TestInfrastructure.UniqueName("mercato_queue") + "_";
            Settings["Persistence:Provider"] = "postgres";
            Settings["Persistence:Postgres"] = TestInfrastructure.Postgres;
            Settings["Persistence:DatabasePrefix"] = DatabasePrefix;
        }

        Settings["Audit:HandlerDelayMs"] = ((int)BlockFor.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Audit:SlowMarker"] = Slow;
        Settings["Audit:AlwaysFailMarker"] = Poison;
        // A stop does not wait for the blocked handler; its transaction rolls back.
        Settings["Mercato:ShutdownTimeoutSeconds"] = "1";
        Settings["Messaging:Relay:BaseDelay"] = "00:00:00.050";
        Settings["Messaging:Relay:PollInterval"] = "00:00:00.500";
        Settings["Messaging:Relay:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A second host on the same databases (the same process restarted), whose Audit handler no longer blocks.</summary>
    private QueueHost(QueueHost before)
        : base(before.DataDirectory)
    {
        foreach (var (key, value) in before.Settings)
        {
            Settings[key] = value;
        }

        DatabasePrefix = before.DatabasePrefix;
        Settings["Audit:HandlerDelayMs"] = "0";
    }

    /// <summary>The PostgreSQL database prefix, or null on SQLite.</summary>
    public string? DatabasePrefix { get; }

    /// <summary>
    /// The host that runs on this one's databases once it stopped: it takes them over, so
    /// disposing this one keeps them (and the new one removes them when disposed).
    /// </summary>
    public QueueHost Restarted()
    {
        OwnsData = false;
        return new QueueHost(this);
    }

    /// <summary>Runs <paramref name="work"/> against the Probe module's own database (which holds the queues of its events).</summary>
    public async Task<T> WithProbeDbAsync<T>(Func<ProbeDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ProbeDbContext>());
    }

    /// <summary>The outbox row of the NoteCreated event of a note.</summary>
    public Task<OutboxMessage?> OutboxRowForNoteAsync(Guid noteId) =>
        WithProbeDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleOrDefaultAsync(m => m.Payload.Contains(noteId.ToString())));

    /// <summary>The queued copies of an event, by consumer.</summary>
    public Task<List<ConsumerQueueMessage>> CopiesAsync(Guid eventId) =>
        WithProbeDbAsync(db => db.Set<ConsumerQueueMessage>().AsNoTracking().Where(m => m.MessageId == eventId).ToListAsync());

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (OwnsData && DatabasePrefix is not null)
        {
            await TestInfrastructure.DropPostgresDatabasesAsync(DatabasePrefix);
        }
    }
}

/// <summary>On SQLite files.</summary>
public sealed class SqliteQueueHost() : QueueHost(postgres: false);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresQueueHost() : QueueHost(postgres: true);
