using System.Runtime.ExceptionServices;
using Mercato.Messaging.Outbox;
using Mercato.Messaging.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Messaging.Tests.ConsumerQueues;

/// <summary>
/// The embedded per-consumer queues: a consumer that always fails parks only its own copy; a
/// redelivered event is applied once by each consumer; a stored copy survives a restart.
/// </summary>
/// <typeparam name="THost">The host on SQLite or PostgreSQL.</typeparam>
public abstract class ConsumerQueueTests<THost>(THost host) : IClassFixture<THost>
    where THost : QueueHost, new()
{
    private const string AuditConsumer = "audit/NoteCreatedHandler";

    [Fact]
    public async Task Consumer_that_always_fails_parks_only_its_own_copy_while_the_other_consumer_applies_it()
    {
        var client = host.CreateClient();
        var noteId = await client.CreateNoteAsync($"{QueueHost.Poison} note");

        await client.WaitForTallyEntryAsync(noteId);
        var row = (await host.OutboxRowForNoteAsync(noteId))!;
        var parked = await MercatoProcess.EventuallyAsync(
            () => host.CopiesAsync(row.Id), c => c.Any(m => m.ParkedAt is not null), EventFlow.Patience);

        // Only Audit's copy is parked, after its own attempts; Tally's was applied and removed.
        var copy = Assert.Single(parked);
        Assert.Equal(AuditConsumer, copy.Consumer);
        Assert.Equal(QueueHost.MaxAttempts, copy.Attempts);
        Assert.Contains("Injected failure", copy.LastError, StringComparison.Ordinal);
        Assert.Empty(await client.AuditEntriesAsync(noteId));
        Assert.Single(await client.TallyEntriesAsync(noteId));

        // The producer published it once, without a failure of its own.
        Assert.NotNull(row.ProcessedAt);
        Assert.Null(row.ParkedAt);
        Assert.Equal(0, row.Attempts);

        // The parked copy is counted on /health/ready, with its consumer.
        var check = await client.WaitForReadinessAsync("consumer-queue-probe", "Degraded");
        Assert.StartsWith($"1 parked ({AuditConsumer}: 1)", check.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Polling_an_idle_queue_throws_no_exception()
    {
        // The worker polls every 500 ms here (QueueHost); it used to wait with WaitAsync(timeout),
        // which threw a TimeoutException at every idle poll of every module.
        _ = host.CreateClient();
        var thrown = 0;
        var sample = "";
        void Count(object? sender, FirstChanceExceptionEventArgs e)
        {
            // The exception's own trace starts at the rethrow; the thread's stack shows who awaited.
            if (e.Exception is TimeoutException && Environment.StackTrace is var stack
                && stack.Contains("ConsumerQueueWorker", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref thrown);
                sample = stack;
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        Assert.True(thrown == 0, $"{thrown} TimeoutException(s) thrown by idle polls; the last from: {sample}");
    }

    [Fact]
    public async Task Redelivered_event_is_applied_once_by_each_consumer()
    {
        var client = host.CreateClient();
        var noteId = await client.CreateNoteAsync("delivered twice");
        var audit = await client.WaitForAuditEntryAsync(noteId);
        var tally = await client.WaitForTallyEntryAsync(noteId);
        var row = (await host.OutboxRowForNoteAsync(noteId))!;
        await MercatoProcess.EventuallyAsync(() => host.CopiesAsync(row.Id), c => c.Count == 0, EventFlow.Patience);

        // The relay publishes the same row again (as after a crash between publish and mark):
        // each consumer gets a new copy, and its inbox stops it before the handler.
        var reopened = await host.WithProbeDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Id == row.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTime?)null)));
        Assert.Equal(1, reopened);
        await MercatoProcess.EventuallyAsync(() => host.OutboxRowForNoteAsync(noteId), r => r!.ProcessedAt is not null, EventFlow.Patience);
        await MercatoProcess.EventuallyAsync(() => host.CopiesAsync(row.Id), c => c.Count == 0, EventFlow.Patience);

        var auditEntry = Assert.Single(await client.AuditEntriesAsync(noteId));
        Assert.Equal(audit.GetProperty("eventId").GetGuid(), auditEntry.GetProperty("eventId").GetGuid());
        Assert.Equal(1, auditEntry.GetProperty("handlerAttempts").GetInt32());
        Assert.Equal(tally.GetProperty("eventId").GetGuid(), Assert.Single(await client.TallyEntriesAsync(noteId)).GetProperty("eventId").GetGuid());
    }

    [Fact]
    public async Task Stored_copy_survives_a_restart_and_is_applied_once_after_it()
    {
        var before = new THost();
        // Audit stays blocked long enough to outlast the stop below, and no longer: in this test
        // process the stopped host's handler goes on (a stopped process's would be gone), and on
        // SQLite its open transaction keeps the restarted host's Audit writes waiting until it ends.
        before.Settings["Audit:HandlerDelayMs"] = "8000";
        var beforeStopped = false;
        QueueHost? after = null;
        try
        {
            var client = before.CreateClient();
            var noteId = await client.CreateNoteAsync($"{QueueHost.Slow} note, Audit stops before applying it");
            await client.WaitForTallyEntryAsync(noteId);
            var row = (await before.OutboxRowForNoteAsync(noteId))!;

            // Audit's copy is stored, not applied, when the process stops. Tally's copy is deleted
            // just after its handler's transaction commits, so its entry can be seen a moment first.
            var stored = Assert.Single(await MercatoProcess.EventuallyAsync(() => before.CopiesAsync(row.Id), c => c.Count == 1, EventFlow.Patience));
            Assert.Equal(AuditConsumer, stored.Consumer);
            Assert.Empty(await client.AuditEntriesAsync(noteId));
            after = before.Restarted();
            await before.DisposeAsync();
            beforeStopped = true;

            // The restarted process finds it and applies it, once; Tally's is not delivered again.
            var restartedClient = after.CreateClient();
            var entry = await restartedClient.WaitForAuditEntryAsync(noteId);
            Assert.Equal(row.CorrelationId, entry.GetProperty("correlationId").GetString());
            await MercatoProcess.EventuallyAsync(() => after.CopiesAsync(row.Id), c => c.Count == 0, EventFlow.Patience);
            Assert.Single(await restartedClient.AuditEntriesAsync(noteId));
            Assert.Single(await restartedClient.TallyEntriesAsync(noteId));
        }
        finally
        {
            if (!beforeStopped)
            {
                await before.DisposeAsync();
            }

            if (after is not null)
            {
                await after.DisposeAsync();
            }
        }
    }
}

/// <summary>On SQLite files.</summary>
public sealed class SqliteConsumerQueueTests(SqliteQueueHost host) : ConsumerQueueTests<SqliteQueueHost>(host);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresConsumerQueueTests(PostgresQueueHost host) : ConsumerQueueTests<PostgresQueueHost>(host);
