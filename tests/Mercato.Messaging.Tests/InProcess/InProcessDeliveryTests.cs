using Mercato.Messaging.Events;
using Mercato.Messaging.Inbox;
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
/// The embedded transport: the relay hands each outbox row to the handlers in the same process;
/// a failing handler fails the publish, so the relay retries with backoff, and a row that keeps
/// failing is parked (the in-process dead letter), kept and reported on <c>/health/ready</c>.
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
        Assert.Equal(2, row.Attempts);
        Assert.Single(await host.Client.AuditEntriesAsync(noteId));
    }

    [Fact]
    public async Task Handler_that_always_fails_leaves_the_row_parked_counted_and_kept()
    {
        var noteId = await host.Client.CreateNoteAsync($"{InProcessHost.Poison} note");

        var row = await MercatoProcess.EventuallyAsync(
            () => host.OutboxRowForNoteAsync(noteId), r => r?.ParkedAt is not null, EventFlow.Patience);
        Assert.Equal(InProcessHost.MaxAttempts, row!.Attempts);
        Assert.Null(row.ProcessedAt);
        Assert.Contains("Injected failure", row.LastError, StringComparison.Ordinal);
        Assert.Empty(await host.Client.AuditEntriesAsync(noteId));

        var check = await host.Client.ReadinessCheckAsync("outbox-probe");
        Assert.Equal("Degraded", check.GetProperty("status").GetString());
        Assert.StartsWith("1 parked", check.GetProperty("description").GetString(), StringComparison.Ordinal);
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

        // And the same envelope straight through the inbox once more.
        var subscription = host.Factory.Services.GetRequiredService<EventSubscriptions>().For(EventFlow.NoteCreatedName).Single();
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
