namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>One refund of a payment.</summary>
/// <param name="RefundId">The API's <c>refundId</c>.</param>
/// <param name="Amount">The API's <c>amount</c>.</param>
/// <param name="Status">The API's <c>status</c>.</param>
/// <param name="Reason">The API's <c>reason</c>.</param>
/// <param name="FailureReason">The API's <c>failureReason</c>.</param>
/// <param name="CreatedAt">The API's <c>createdAt</c>.</param>
public sealed record RefundView(
    Guid RefundId,
    decimal Amount,
    string Status,
    string? Reason,
    string? FailureReason,
    DateTime CreatedAt);
