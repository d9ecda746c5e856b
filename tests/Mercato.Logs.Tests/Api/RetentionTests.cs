using Mercato.Logs.Audit;
using Mercato.Logs.Entries;
using Mercato.Logs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Logs.Tests.Api;

/// <summary>
/// The retention job, on the host's fake clock: log records older than 30 days and audit entries
/// older than 12 months are deleted at the next round; younger ones stay.
/// </summary>
public abstract class RetentionTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LogsFactory
{
    [Fact]
    public async Task The_job_deletes_only_rows_older_than_their_retention()
    {
        _ = factory.CreateClient();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var oldLog = Log(now.AddDays(-31));
        var youngLog = Log(now.AddDays(-29));
        var oldEntry = Entry(now.AddDays(-366));
        var youngEntry = Entry(now.AddDays(-300));
        await factory.WithDbAsync(async db =>
        {
            db.Logs.AddRange(oldLog, youngLog);
            db.Audit.AddRange(oldEntry, youngEntry);
            return await db.SaveChangesAsync();
        });

        // The next round is due one RetentionInterval (1 hour) later on the host's clock.
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await Mercato.Testing.Eventually.HoldsAsync(
            () => factory.WithDbAsync(async db => !await db.Logs.AnyAsync(l => l.Id == oldLog.Id) && !await db.Audit.AnyAsync(a => a.Id == oldEntry.Id)),
            "the old rows deleted");

        Assert.True(await factory.WithDbAsync(db => db.Logs.AnyAsync(l => l.Id == youngLog.Id)));
        Assert.True(await factory.WithDbAsync(db => db.Audit.AnyAsync(a => a.Id == youngEntry.Id)));
    }

    private static LogEntry Log(DateTime at) => new()
    {
        Id = Guid.CreateVersion7(),
        Timestamp = at,
        ReceivedAt = at,
        Service = "retention-test",
        Level = 2,
        Category = "Mercato.Tests",
        Message = "logged at " + at.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static AuditEntry Entry(DateTime at) => new()
    {
        Id = Guid.CreateVersion7(),
        OccurredAt = at,
        RecordedAt = at,
        Module = "catalog",
        Actor = "service:catalog",
        ActorType = "service",
        Action = "catalog.product.updated",
        ResourceType = "product",
        ResourceId = Guid.NewGuid().ToString(),
        Outcome = "succeeded",
    };
}

/// <summary>On SQLite.</summary>
public sealed class SqliteRetentionTests(LogsFactory factory) : RetentionTests<LogsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresRetentionTests(PostgresLogsFactory factory) : RetentionTests<PostgresLogsFactory>(factory);
