using System.Diagnostics;
using Mercato.Messaging.Tests.Support;
using Mercato.Testing;

namespace Mercato.Messaging.Tests.ConsumerQueues;

/// <summary>
/// Embedded mode gives every consumer its own durable queue: while Audit's handler is blocked
/// for 30 s on one event (a hung SMTP server), Tally, another consumer of the same event, gets
/// it within a second of its publishing, and the producer's relay goes on publishing.
/// </summary>
/// <typeparam name="THost">The host on SQLite or PostgreSQL.</typeparam>
public abstract class BlockedConsumerTests<THost>(THost host) : IClassFixture<THost>
    where THost : QueueHost
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Consumer_blocked_for_30_seconds_delays_neither_another_consumer_nor_the_producer()
    {
        var client = host.CreateClient();

        // Warm up: one event through both consumers, so the timings below measure delivery,
        // not the first compilation of each query.
        var warmUp = await client.CreateNoteAsync("warm-up note");
        await client.WaitForAuditEntryAsync(warmUp);
        await client.WaitForTallyEntryAsync(warmUp);

        var blocking = Stopwatch.StartNew();
        var slowNote = await client.CreateNoteAsync($"{QueueHost.Slow} note: Audit hangs on it");

        // Tally has it within a second of the relay publishing it, while Audit is still blocked.
        var slowTally = await client.WaitForTallyEntryAsync(slowNote);
        var slowRow = (await host.OutboxRowForNoteAsync(slowNote))!;
        Assert.NotNull(slowRow.ProcessedAt);
        Assert.InRange(slowTally.GetProperty("receivedAt").GetDateTime() - slowRow.ProcessedAt.Value, TimeSpan.Zero, Within);
        Assert.Empty(await client.AuditEntriesAsync(slowNote));

        // The producer keeps publishing: a later event goes out and reaches Tally at once too.
        var nextNote = await client.CreateNoteAsync("next note, published while Audit is blocked");
        var nextTally = await client.WaitForTallyEntryAsync(nextNote);
        var nextRow = (await host.OutboxRowForNoteAsync(nextNote))!;
        Assert.NotNull(nextRow.ProcessedAt);
        Assert.Equal(0, nextRow.Attempts);
        Assert.InRange(nextTally.GetProperty("receivedAt").GetDateTime() - nextRow.ProcessedAt.Value, TimeSpan.Zero, Within);

        // All of that happened while Audit was still blocked: its copies wait in its own queue.
        Assert.True(blocking.Elapsed < QueueHost.BlockFor, $"The checks took {blocking.Elapsed}, longer than Audit's block");
        Assert.Empty(await client.AuditEntriesAsync(slowNote));
        var waiting = Assert.Single(await host.CopiesAsync(nextRow.Id));
        Assert.Equal("audit/NoteCreatedHandler", waiting.Consumer);
        Assert.Equal(0, waiting.Attempts);
        Assert.Null(waiting.ParkedAt);

        // Once unblocked, Audit applies both, once each, and its queue is empty.
        Assert.Equal(slowNote, (await client.WaitForAuditEntryAsync(slowNote)).GetProperty("noteId").GetGuid());
        Assert.Equal(nextNote, (await client.WaitForAuditEntryAsync(nextNote)).GetProperty("noteId").GetGuid());
        Assert.True(blocking.Elapsed >= QueueHost.BlockFor, $"Audit applied the slow note after {blocking.Elapsed}, before its block ended");
        await MercatoProcess.EventuallyAsync(() => host.CopiesAsync(nextRow.Id), c => c.Count == 0, EventFlow.Patience);
        Assert.Empty(await host.CopiesAsync(slowRow.Id));
    }
}

/// <summary>On SQLite files.</summary>
public sealed class SqliteBlockedConsumerTests(SqliteQueueHost host) : BlockedConsumerTests<SqliteQueueHost>(host);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresBlockedConsumerTests(PostgresQueueHost host) : BlockedConsumerTests<PostgresQueueHost>(host);
