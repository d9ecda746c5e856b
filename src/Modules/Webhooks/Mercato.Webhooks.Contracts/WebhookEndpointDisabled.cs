using Mercato.Messaging.Events;

namespace Mercato.Webhooks.Contracts;

/// <summary>
/// Mercato stopped delivering to a webhook endpoint on its own (it answered <c>410 Gone</c>, or
/// every delivery to it failed for days in a row); the shop's administrators are told.
/// </summary>
/// <param name="EndpointId">The endpoint.</param>
/// <param name="Url">Its URL.</param>
/// <param name="Reason">Why, in words an administrator reads (for example "failing since 2026-12-01T10:00:00Z").</param>
/// <param name="FailingSince">When its deliveries started failing without a success since, if that is the reason.</param>
[EventName("webhooks.endpoint-disabled.v1")]
public sealed record WebhookEndpointDisabled(Guid EndpointId, string Url, string Reason, DateTimeOffset? FailingSince) : IntegrationEvent;
