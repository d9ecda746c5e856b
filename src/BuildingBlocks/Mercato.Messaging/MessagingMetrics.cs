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
