namespace Mercato.Payments.Gateways;

/// <summary>A charge of a saved card.</summary>
/// <param name="PaymentId">Mercato's payment, given to the provider as its reference.</param>
/// <param name="MethodId">The provider's id of the saved card.</param>
/// <param name="Amount">The amount.</param>
/// <param name="Currency">ISO 4217.</param>
/// <param name="ReturnUrl">Where the browser comes back after a challenge (Mercato's return endpoint).</param>
/// <param name="IdempotencyKey">The same key never charges twice.</param>
/// <param name="ManualCapture">Only authorise (hold) the money; it is taken later by a capture.</param>
internal sealed record ChargeRequest(Guid PaymentId, string MethodId, decimal Amount, string Currency, string ReturnUrl, string IdempotencyKey, bool ManualCapture);
