namespace Mercato.Payments.Gateways;

/// <summary>What a gateway needs to open its hosted page.</summary>
/// <param name="PaymentId">Mercato's payment, given to the provider as its reference.</param>
/// <param name="Amount">The amount.</param>
/// <param name="Currency">ISO 4217.</param>
/// <param name="ReturnUrl">Where the provider sends the browser back (Mercato's return endpoint).</param>
/// <param name="ExpiresAt">Until when the page can be paid (UTC).</param>
/// <param name="Description">What is paid for (the order number).</param>
/// <param name="CustomerEmail">The shopper's e-mail, if known.</param>
/// <param name="ManualCapture">Only authorise (hold) the money; it is taken later by a capture.</param>
internal sealed record SessionRequest(Guid PaymentId, decimal Amount, string Currency, string ReturnUrl, DateTime ExpiresAt, string Description, string? CustomerEmail, bool ManualCapture);
