namespace Mercato.Payments.Webhooks;

/// <summary>The answer to a provider's webhook.</summary>
/// <param name="EventId">The provider's event id.</param>
/// <param name="Applied">Whether it concerned a payment of this shop.</param>
internal sealed record WebhookReceipt(string EventId, bool Applied);
