namespace Mercato.Payments.Gateways;

/// <summary>A charge as its provider reports it.</summary>
/// <param name="ChargeId">The provider's id (for a session cancelled before any charge, the session's id).</param>
/// <param name="Reference">Mercato's payment id the charge was made for, as given to the provider.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Amount">The amount.</param>
/// <param name="Currency">ISO 4217.</param>
/// <param name="Brand">The card's brand, once known.</param>
/// <param name="Last4">The card's last four digits, once known.</param>
/// <param name="FailureReason">Why it failed (the provider's code, e.g. <c>insufficient_funds</c>).</param>
/// <param name="ActionUrl">Where the shopper completes a challenge, while one is required.</param>
/// <param name="CreatedAt">When the provider created it (UTC).</param>
internal sealed record GatewayCharge(
    string ChargeId,
    Guid? Reference,
    ChargeState State,
    decimal Amount,
    string Currency,
    string? Brand,
    string? Last4,
    string? FailureReason,
    string? ActionUrl,
    DateTime CreatedAt);
