namespace Mercato.Payments.Gateways;

/// <summary>A card the provider saved: its id and what a shopper recognises it by.</summary>
/// <param name="MethodId">The provider's id.</param>
/// <param name="Brand">Brand (<c>visa</c>).</param>
/// <param name="Last4">Last four digits.</param>
/// <param name="ExpiryMonth">Expiry month.</param>
/// <param name="ExpiryYear">Expiry year.</param>
/// <param name="Fingerprint">The provider's fingerprint of the number.</param>
internal sealed record SavedCard(string MethodId, string Brand, string Last4, int ExpiryMonth, int ExpiryYear, string Fingerprint);
