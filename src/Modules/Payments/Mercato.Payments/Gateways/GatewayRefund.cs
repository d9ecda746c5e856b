namespace Mercato.Payments.Gateways;

/// <summary>A provider's answer to a refund.</summary>
/// <param name="RefundId">The provider's refund id.</param>
/// <param name="Succeeded">Whether the money went back.</param>
/// <param name="FailureReason">Why not, when it did not.</param>
internal sealed record GatewayRefund(string RefundId, bool Succeeded, string? FailureReason);
