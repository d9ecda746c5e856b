namespace Mercato.Payments.Gateways;

/// <summary>A hosted payment page the provider opened.</summary>
/// <param name="SessionId">The provider's session id.</param>
/// <param name="Url">The page the shopper's browser goes to.</param>
internal sealed record GatewaySession(string SessionId, string Url);
