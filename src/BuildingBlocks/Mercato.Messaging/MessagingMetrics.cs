using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mercato.Platform.Telemetry;

namespace Mercato.Messaging;

/// <summary>Counters and the activity source of the messaging pipeline.</summary>
public static class MessagingMetrics
{
    /// <summary>Spans for publish and handle.</summary>
    public static readonly ActivitySource ActivitySource = new(TelemetrySetup.SourceName);

    private static readonly Meter Meter = new(TelemetrySetup.SourceName);

    /// <summary>Events published by the outbox relay.</summary>
    public static readonly Counter<long> Published = Meter.CreateCounter<long>("mercato.outbox.published");

    /// <summary>Failed publish attempts.</summary>
    public static readonly Counter<long> PublishFailures = Meter.CreateCounter<long>("mercato.outbox.publish_failures");

    /// <summary>Rows parked after too many failures.</summary>
    public static readonly Counter<long> Parked = Meter.CreateCounter<long>("mercato.outbox.parked");

    /// <summary>Parked outbox rows an operator replayed (un-parked).</summary>
    public static readonly Counter<long> Replayed = Meter.CreateCounter<long>("mercato.outbox.replayed");

    /// <summary>Parked outbox rows an operator discarded.</summary>
    public static readonly Counter<long> Discarded = Meter.CreateCounter<long>("mercato.outbox.discarded");

    /// <summary>Dead-lettered messages an operator moved back to their queue.</summary>
    public static readonly Counter<long> DeadLettersReplayed = Meter.CreateCounter<long>("mercato.rabbitmq.dead_letters_replayed");

    /// <summary>Dead-lettered messages an operator discarded.</summary>
    public static readonly Counter<long> DeadLettersDiscarded = Meter.CreateCounter<long>("mercato.rabbitmq.dead_letters_discarded");

    /// <summary>Copies in an embedded consumer queue parked after too many failed attempts.</summary>
    public static readonly Counter<long> ConsumerQueueParked = Meter.CreateCounter<long>("mercato.consumer_queue.parked");

    /// <summary>Events applied by a handler.</summary>
    public static readonly Counter<long> Handled = Meter.CreateCounter<long>("mercato.inbox.handled");

    /// <summary>Deliveries skipped because the inbox had them already.</summary>
    public static readonly Counter<long> Duplicates = Meter.CreateCounter<long>("mercato.inbox.duplicates");

    /// <summary>Deliveries whose handler failed; they are delivered again (or parked, dead-lettered).</summary>
    public static readonly Counter<long> HandlerFailures = Meter.CreateCounter<long>("mercato.consumer.handler_failures");

    /// <summary>Messages a consumer rejected to its dead-letter queue at once (unknown type, no event id).</summary>
    public static readonly Counter<long> Rejected = Meter.CreateCounter<long>("mercato.consumer.rejected");

    /// <summary>Events the broker confirmed but routed to no queue: nothing subscribes to them.</summary>
    public static readonly Counter<long> Unrouted = Meter.CreateCounter<long>("mercato.rabbitmq.unrouted");
}
