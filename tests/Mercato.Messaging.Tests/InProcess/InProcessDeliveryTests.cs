using Mercato.Messaging.Events;
using Mercato.Messaging.Inbox;
using Mercato.Messaging.InProcess;
using Mercato.Messaging.Outbox;
using Mercato.Messaging.Tests.Support;
using Mercato.Messaging.Transport;
using Mercato.Probe.Contracts;
using Mercato.Probe.Notes;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Messaging.Tests.InProcess;

/// <summary>
/// The embedded transport: the relay hands each outbox row to every consumer's own queue in the
/// same process; a failing handler is retried from its queue with backoff, without the producer
/// ever seeing the failure (parking is covered by the consumer-queue tests).
/// </summary>
public sealed class InProcessDeliveryTests(InProcessHost host) : IClassFixture<InProcessHost>
{
    [Fact]
    public async Task Event_is_handled_once_under_the_requests_correlation_id_and_trace()
    {
        var (traceParent, traceId) = EventFlow.NewTraceParent();
        var correlationId = "inproc-" + Guid.NewGuid().ToString("N");

        var noteId = await host.Client.CreateNoteAsync("traced note", correlationId, traceParent);

        var entry = await host.Client.WaitForAuditEntryAsync(noteId);
        Assert.Equal(correlationId, entry.GetProperty("correlationId").GetString());
        Assert.Equal(traceId, entry.GetProperty("traceId").GetString());
        Assert.Equal("traced note", entry.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Handler_that_fails_twice_then_succeeds_is_applied_exactly_once()
    {
        var noteId = await host.Client.CreateNoteAsync("flaky handler");

        var entry = await host.Client.WaitForAuditEntryAsync(noteId);
        Assert.Equal(3, entry.GetProperty("handlerAttempts").GetInt32());
        var row = await host.OutboxRowForNoteAsync(noteId);
        Assert.NotNull(row);
        Assert.NotNull(row.ProcessedAt);
        Assert.Null(row.ParkedAt);
        // The retries were the consumer's own: the producer published the event once.
        Assert.Equal(0, row.Attempts);
        Assert.Single(await host.Client.AuditEntriesAsync(noteId));
        await MercatoProcess.EventuallyAsync(
            () => host.WithProbeDbAsync(db => db.Set<ConsumerQueueMessage>().CountAsync(m => m.MessageId == row.Id)), n => n == 0, EventFlow.Patience);
    }

    [Fact]
    public async Task Redelivered_event_is_applied_once()
    {
        var noteId = await host.Client.CreateNoteAsync("delivered twice");
        var first = await host.Client.WaitForAuditEntryAsync(noteId);
        var row = await host.OutboxRowForNoteAsync(noteId);

        // The relay publishes the same row again (as after a crash between publish and mark).
        var reopened = await host.WithProbeDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Id == row!.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTime?)null)));
        Assert.Equal(1, reopened);
        await MercatoProcess.EventuallyAsync(
            () => host.OutboxRowForNoteAsync(noteId), r => r!.ProcessedAt is not null, EventFlow.Patience);
        await MercatoProcess.EventuallyAsync(
            () => host.WithProbeDbAsync(db => db.Set<ConsumerQueueMessage>().CountAsync(m => m.MessageId == row!.Id)), n => n == 0, EventFlow.Patience);

        // And the same envelope straight through the inbox once more.
        var subscription = host.Factory.Services.GetRequiredService<EventSubscriptions>().For(EventFlow.NoteCreatedName).Single(s => s.Module == "audit");
        var envelope = new MessageEnvelope(
            row!.Id, row.Type, row.Payload, new DateTimeOffset(row.OccurredAt, TimeSpan.Zero), row.Source, row.CorrelationId, row.TraceParent, row.TraceState);
        var outcome = await host.Factory.Services.GetRequiredService<InboxDispatcher>()
            .DispatchAsync(subscription, envelope, TestContext.Current.CancellationToken);

        Assert.Equal(DispatchOutcome.Duplicate, outcome);
        var entry = Assert.Single(await host.Client.AuditEntriesAsync(noteId));
        Assert.Equal(first.GetProperty("eventId").GetGuid(), entry.GetProperty("eventId").GetGuid());
        // The handler never ran again: the inbox stopped both redeliveries before it.
        Assert.Equal(3, entry.GetProperty("handlerAttempts").GetInt32());
    }

    [Fact]
    public async Task Note_and_its_outbox_row_commit_together_or_not_at_all()
    {
        var noteId = await host.Client.CreateNoteAsync("atomic");

        var stored = await host.WithProbeDbAsync(async db => (await db.Notes.FindAsync(noteId), await host.OutboxRowForNoteAsync(noteId)));
        Assert.NotNull(stored.Item1);
        Assert.NotNull(stored.Item2);
        Assert.Equal(EventFlow.NoteCreatedName, stored.Item2.Type);
        Assert.Equal("probe", stored.Item2.Source);

        // A save whose state change fails (the note id is taken) stores no event either.
        var conflicting = new NoteCreated(noteId, "conflict");
        await host.WithProbeDbAsync(async db =>
        {
            db.Notes.Add(new Note { Id = noteId, Text = "conflict", Priority = 1, CreatedAt = DateTime.UtcNow });
            db.AddIntegrationEvent(conflicting, "probe");
            return await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });
        Assert.False(await host.WithProbeDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Id == conflicting.Id)));
        var entry = await host.Client.WaitForAuditEntryAsync(noteId);
        Assert.Equal("atomic", entry.GetProperty("text").GetString());
    }
}
