using System.Text;
using Mercato.Messaging.Events;
using Mercato.Platform.Correlation;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Mercato.Messaging.RabbitMq;

/// <summary>
/// How an event travels as an AMQP message: the JSON payload as body; the event id as message
/// id; its name as type; the producing module as app id; correlation id and W3C trace context
/// in the headers (<c>X-Correlation-Id</c>, <c>traceparent</c>, <c>tracestate</c>).
/// </summary>
internal static class RabbitMqMessage
{
    /// <summary>The W3C trace context header.</summary>
    public const string TraceParentHeader = "traceparent";

    /// <summary>The W3C trace state header.</summary>
    public const string TraceStateHeader = "tracestate";

    /// <summary>The count of earlier deliveries that quorum queues add to a redelivered message.</summary>
    public const string DeliveryCountHeader = "x-delivery-count";

    private const string JsonContentType = "application/json";

    /// <summary>The message properties of an envelope, with the given trace context.</summary>
    public static BasicProperties PropertiesOf(MessageEnvelope envelope, string? traceParent, string? traceState)
    {
        var headers = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (envelope.CorrelationId is { } correlationId)
        {
            headers[CorrelationContext.HeaderName] = correlationId;
        }

        if (traceParent is not null)
        {
            headers[TraceParentHeader] = traceParent;
        }

        if (!string.IsNullOrEmpty(traceState))
        {
            headers[TraceStateHeader] = traceState;
        }

        return new BasicProperties
        {
            MessageId = envelope.Id.ToString(),
            Type = envelope.Type,
            AppId = envelope.Source,
            CorrelationId = envelope.CorrelationId,
            ContentType = JsonContentType,
            ContentEncoding = "utf-8",
            DeliveryMode = DeliveryModes.Persistent,
            Timestamp = new AmqpTimestamp(envelope.OccurredAt.ToUnixTimeSeconds()),
            Headers = headers,
        };
    }

    /// <summary>The body of an envelope.</summary>
    public static byte[] BodyOf(MessageEnvelope envelope) => Encoding.UTF8.GetBytes(envelope.Payload);

    /// <summary>The event's wire name: the type property, or else the routing key.</summary>
    public static string TypeOf(BasicDeliverEventArgs delivery) =>
        delivery.BasicProperties.Type is { Length: > 0 } type ? type : delivery.RoutingKey;

    /// <summary>The envelope of a delivery, or null when it carries no valid event id.</summary>
    public static MessageEnvelope? ToEnvelope(BasicDeliverEventArgs delivery)
    {
        var properties = delivery.BasicProperties;
        if (!Guid.TryParse(properties.MessageId, out var id))
        {
            return null;
        }

        var occurredAt = properties.IsTimestampPresent()
            ? DateTimeOffset.FromUnixTimeSeconds(properties.Timestamp.UnixTime)
            : DateTimeOffset.UtcNow;
        var correlationId = Header(properties, CorrelationContext.HeaderName) ?? properties.CorrelationId;
        return new MessageEnvelope(
            id,
            TypeOf(delivery),
            Encoding.UTF8.GetString(delivery.Body.Span),
            occurredAt,
            properties.AppId ?? string.Empty,
            CorrelationContext.IsValid(correlationId) ? correlationId : null,
            Header(properties, TraceParentHeader),
            Header(properties, TraceStateHeader));
    }

    /// <summary>How often the message was delivered before (0 on the first delivery).</summary>
    public static long DeliveryCount(IReadOnlyBasicProperties properties) =>
        properties.Headers?.TryGetValue(DeliveryCountHeader, out var value) == true
            ? value switch { long l => l, int i => i, _ => 0 }
            : 0;

    /// <summary>A text header of a message (UTF-8 bytes or a string), or null.</summary>
    public static string? Header(IReadOnlyBasicProperties properties, string name) =>
        properties.Headers?.TryGetValue(name, out var value) == true
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                string text => text,
                _ => null,
            }
            : null;
}
