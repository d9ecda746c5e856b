using System.Text.Json.Serialization;

namespace Mercato.Payments.Checkout;

/// <summary>A checkout session as the API answers it.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="PaymentId">The payment it collects.</param>
/// <param name="OrderId">The order paid for.</param>
/// <param name="OrderNumber">The order's number.</param>
/// <param name="CheckoutUrl">The gateway's page to send the shopper's browser to.</param>
/// <param name="ExpiresAt">Until when it can be paid (UTC).</param>
/// <param name="Amount">The amount.</param>
/// <param name="Currency">ISO 4217.</param>
/// <param name="Gateway">The gateway.</param>
/// <param name="Status">The payment's status.</param>
internal sealed record CheckoutSessionResponse(
    Guid SessionId,
    Guid PaymentId,
    Guid OrderId,
    string OrderNumber,
    string CheckoutUrl,
    DateTime ExpiresAt,
    decimal Amount,
    string Currency,
    string Gateway,
    string Status)
{
    /// <summary>The checkout URL under seed 000's name.</summary>
    [JsonPropertyName("checkout_url")]
    public string CheckoutUrlSeed000 => CheckoutUrl;
}
