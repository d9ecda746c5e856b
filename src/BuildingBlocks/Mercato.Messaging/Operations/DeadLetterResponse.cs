namespace Mercato.Messaging.Operations;

/// <summary>A message in a module's dead-letter queue, as the operations API shows it.</summary>
/// <param name="MessageId">The event id (the AMQP message id).</param>
/// <param name="Type">The event's wire name.</param>
/// <param name="Source">The producing module (the AMQP app id).</param>
/// <param name="CorrelationId">The correlation id it carries.</param>
/// <param name="Reason">Why the broker dead-lettered it (<c>delivery_limit</c>, <c>rejected</c>, ...), when it says.</param>
/// <param name="Payload">The message body (the serialised event).</param>
public sealed record DeadLetterResponse(string? MessageId, string? Type, string? Source, string? CorrelationId, string? Reason, string Payload);
