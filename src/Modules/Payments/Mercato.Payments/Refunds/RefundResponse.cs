namespace Mercato.Payments.Refunds;

/// <summary>A refund as the API answers it (seed 004's shape).</summary>
/// <param name="RefundId">The refund.</param>
/// <param name="PaymentId">The payment.</param>
/// <param name="Amount">How much.</param>
/// <param name="Status"><c>requested</c>, <c>sent</c>, <c>succeeded</c> or <c>failed</c>.</param>
/// <param name="Reason">Why.</param>
/// <param name="FailureReason">Why the gateway refused, when it did.</param>
/// <param name="CreatedAt">Asked for (UTC).</param>
internal sealed record RefundResponse(Guid RefundId, Guid PaymentId, decimal Amount, string Status, string Reason, string? FailureReason, DateTime CreatedAt)
{
    /// <summary>Maps a refund.</summary>
    public static RefundResponse From(Refund refund) => new(
        refund.Id, refund.PaymentId, refund.Amount, refund.Status.ToString().ToLowerInvariant(), refund.Reason, refund.FailureReason, refund.CreatedAt);
}
