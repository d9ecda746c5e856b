namespace Mercato.Payments.Gateways;

/// <summary>A verified webhook event of a provider.</summary>
/// <param name="EventId">The provider's event id (applied once).</param>
/// <param name="Type">The provider's event type.</param>
/// <param name="ChargeId">The charge it is about, if any.</param>
/// <param name="SessionId">The hosted session it is about, if any.</param>
/// <param name="Reference">Mercato's payment id, if the provider carries it.</param>
internal sealed record GatewayWebhook(string EventId, string Type, string? ChargeId, string? SessionId, Guid? Reference);
