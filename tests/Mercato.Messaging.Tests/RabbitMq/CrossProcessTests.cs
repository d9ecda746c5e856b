using System.Collections;
using System.Text;
using Mercato.Messaging.Events;
using Mercato.Messaging.Tests.Support;
using Mercato.Probe.Contracts;
using Mercato.Testing;
using RabbitMQ.Client;

namespace Mercato.Messaging.Tests.RabbitMq;

/// <summary>
/// Events between two server processes over RabbitMQ, on PostgreSQL: published once from the
/// producer's outbox, applied once by the consumer's inbox, whatever fails in between.
/// </summary>
public sealed class CrossProcessTests(RabbitMqPair pair) : IClassFixture<RabbitMqPair>
{
    [Fact]
    public async Task Event_published_by_one_process_is_handled_once_in_another_with_its_correlation_id_and_trace()
    {
        var (traceParent, traceId) = EventFlow.NewTraceParent();
        var correlationId = "rabbit-" + Guid.NewGuid().ToString("N");

        var noteId = await pair.Producer.Client.CreateNoteAsync("across processes", correlationId, traceParent);

        var entry = await pair.Consumer.WaitForAuditEntryAsync(noteId);
        Assert.Equal("across processes", entry.GetProperty("text").GetString());
        Assert.Equal(correlationId, entry.GetProperty("correlationId").GetString());
        Assert.Equal(traceId, entry.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task Handler_that_fails_twice_then_succeeds_is_applied_exactly_once()
    {
        var noteId = await pair.Producer.Client.CreateNoteAsync("flaky across processes");

        var entry = await pair.Consumer.WaitForAuditEntryAsync(noteId);
        Assert.Equal(3, entry.GetProperty("handlerAttempts").GetInt32());
        var eventId = entry.GetProperty("eventId").GetGuid().ToString();
        await pair.Consumer.WaitForLogAsync(eventId, "failed (delivery 1 of 4)");
        await pair.Consumer.WaitForLogAsync(eventId, "failed (delivery 2 of 4)");
        Assert.Single(await pair.Consumer.Client.AuditEntriesAsync(noteId));
    }

    [Fact]
    public async Task Duplicate_delivery_is_applied_once()
    {
        var noteId = Guid.NewGuid();
        var noteCreated = new NoteCreated(noteId, "published twice");
        var payload = EventSerializer.Serialize(noteCreated);
        var messageId = noteCreated.Id.ToString();

        await pair.Broker.PublishAsync(pair.Exchange, EventFlow.NoteCreatedName, messageId, EventFlow.NoteCreatedName, payload);
        await pair.Broker.PublishAsync(pair.Exchange, EventFlow.NoteCreatedName, messageId, EventFlow.NoteCreatedName, payload);

        await pair.Consumer.WaitForLogAsync($"Skipped duplicate {EventFlow.NoteCreatedName} {messageId}");
        var entry = Assert.Single(await pair.Consumer.Client.AuditEntriesAsync(noteId));
        Assert.Equal(noteCreated.Id, entry.GetProperty("eventId").GetGuid());
    }

    [Fact]
    public async Task Message_that_always_fails_goes_to_the_dead_letter_queue_after_max_deliveries_with_its_headers()
    {
        var before = await pair.Broker.MessageCountAsync(pair.AuditDeadLetterQueue);
        var (traceParent, traceId) = EventFlow.NewTraceParent();
        var correlationId = "poison-" + Guid.NewGuid().ToString("N");

        var noteId = await pair.Producer.Client.CreateNoteAsync($"{RabbitMqSettings.Poison} across processes", correlationId, traceParent);

        await MercatoProcess.EventuallyAsync(
            () => pair.Broker.MessageCountAsync(pair.AuditDeadLetterQueue), count => count == before + 1, EventFlow.Patience);
        var dead = Assert.Single(await pair.Broker.TakeAsync(pair.AuditDeadLetterQueue, m => BodyOf(m).Contains(noteId.ToString(), StringComparison.Ordinal)));
        Assert.Equal(EventFlow.NoteCreatedName, dead.BasicProperties.Type);
        Assert.Equal("delivery_limit", DeathReason(dead));
        Assert.Equal("probe", dead.BasicProperties.AppId);
        Assert.Equal(correlationId, Header(dead, "X-Correlation-Id"));
        Assert.Equal(traceId, Header(dead, "traceparent")?.Split('-')[1]);
        var eventId = dead.BasicProperties.MessageId!;
        await pair.Consumer.WaitForLogAsync(eventId, $"failed on its last delivery ({RabbitMqSettings.MaxDeliveries})");
        Assert.Empty(await pair.Consumer.Client.AuditEntriesAsync(noteId));
    }

    [Fact]
    public async Task Message_of_a_type_the_module_does_not_handle_is_dead_lettered_and_consuming_goes_on()
    {
        // A binding left over from an event the module no longer handles.
        await pair.Broker.BindAsync(pair.AuditQueue, pair.Exchange, "NoteArchived");
        var messageId = Guid.NewGuid().ToString();

        await pair.Broker.PublishAsync(pair.Exchange, "NoteArchived", messageId, "NoteArchived", $$"""{"id":"{{messageId}}","noteId":"{{Guid.NewGuid()}}"}""");

        var dead = await MercatoProcess.EventuallyAsync(
            () => pair.Broker.TakeAsync(pair.AuditDeadLetterQueue, m => m.BasicProperties.MessageId == messageId),
            taken => taken.Count > 0,
            EventFlow.Patience);
        Assert.Equal("rejected", DeathReason(Assert.Single(dead)));
        Assert.False(pair.Consumer.HasExited);
        var noteId = await pair.Producer.Client.CreateNoteAsync("after an unknown event");
        await pair.Consumer.WaitForAuditEntryAsync(noteId);
    }

    [Fact]
    public async Task State_change_committed_while_the_broker_is_down_is_delivered_once_it_is_back()
    {
        const string unavailable = "Transport unavailable";
        var correlationId = "outage-" + Guid.NewGuid().ToString("N");
        var noticedBefore = pair.Producer.Output.Count(l => l.Contains(unavailable, StringComparison.Ordinal));
        Guid noteId;
        await pair.Proxy.StopAsync();
        try
        {
            noteId = await pair.Producer.Client.CreateNoteAsync("written during an outage", correlationId);

            await pair.Producer.Client.WaitForReadinessAsync("rabbitmq", "Degraded");
            await pair.Consumer.Client.WaitForReadinessAsync("rabbitmq", "Degraded");
            await MercatoProcess.EventuallyAsync(
                () => Task.FromResult(pair.Producer.Output.Count(l => l.Contains(unavailable, StringComparison.Ordinal))),
                noticed => noticed > noticedBefore,
                EventFlow.Patience);
            Assert.Empty(await pair.Consumer.Client.AuditEntriesAsync(noteId));
        }
        finally
        {
            pair.Proxy.Start();
        }

        // Both connections recover, the consumer's with its queue and consumer.
        var entry = await pair.Consumer.WaitForAuditEntryAsync(noteId);
        Assert.Equal(correlationId, entry.GetProperty("correlationId").GetString());
        await pair.Producer.Client.WaitForReadinessAsync("rabbitmq", "Healthy");
        await pair.Consumer.Client.WaitForReadinessAsync("rabbitmq", "Healthy");
        // The outage parked nothing.
        Assert.Equal("Healthy", (await pair.Producer.Client.ReadinessCheckAsync("outbox-probe")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Process_killed_after_commit_and_before_publish_delivers_the_event_after_restart()
    {
        var correlationId = "crash-" + Guid.NewGuid().ToString("N");
        var noteId = await pair.CrashingProducer.Client.CreateNoteAsync("survives a crash", correlationId);
        await pair.CrashingProducer.KillAsync();
        Assert.True(pair.CrashingProducer.HasExited);
        Assert.Empty(await pair.Consumer.Client.AuditEntriesAsync(noteId));

        await using var restarted = await pair.StartProducerAsync(pair.CrashingDatabasePrefix, relayEnabled: true);
        var entry = await pair.Consumer.WaitForAuditEntryAsync(noteId);
        Assert.Equal(correlationId, entry.GetProperty("correlationId").GetString());
        Assert.Equal(0, await restarted.TerminateAsync(TimeSpan.FromSeconds(30)));
        Assert.Single(await pair.Consumer.Client.AuditEntriesAsync(noteId));
    }

    private static string BodyOf(BasicGetResult message) => Encoding.UTF8.GetString(message.Body.Span);

    private static string? Header(BasicGetResult message, string name) =>
        message.BasicProperties.Headers?.TryGetValue(name, out var value) == true && value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>The reason of the latest dead-lettering recorded in the <c>x-death</c> header.</summary>
    private static string? DeathReason(BasicGetResult message)
    {
        var deaths = message.BasicProperties.Headers?["x-death"] as IList;
        var latest = deaths?.Count > 0 ? deaths[0] as IDictionary<string, object?> : null;
        return latest?["reason"] is byte[] reason ? Encoding.UTF8.GetString(reason) : null;
    }
}
