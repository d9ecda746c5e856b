namespace Mercato.Webhooks.Events;

/// <summary>A webhook event to fan out: its name and its data (one of the v1 payload records).</summary>
/// <param name="Event">The webhook event name.</param>
/// <param name="Data">The payload's <c>data</c>.</param>
internal sealed record WebhookMessage(string Event, object Data);

/// <summary>How one integration event becomes webhook events (none, one, or several).</summary>
/// <typeparam name="TEvent">The integration event.</typeparam>
/// <param name="Map">The mapping.</param>
internal sealed record WebhookEventMap<TEvent>(Func<TEvent, IEnumerable<WebhookMessage>> Map);
