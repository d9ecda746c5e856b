using Mercato.Payments.Ledger;
using Mercato.Platform.Envelope;

namespace Mercato.Payments.Payments;

/// <summary>Query of <c>GET /api/v1/payments</c> (administrators): paged, filtered by status, order, date range and gateway.</summary>
internal sealed class PaymentListQuery
{
    /// <summary>1-based page (default 1).</summary>
    public int? PageNumber { get; init; }

    /// <summary>Payments per page, 1-100 (default 20).</summary>
    public int? PageSize { get; init; }

    /// <summary>Only payments in this status (<c>succeeded</c>, <c>partially_refunded</c>, ...).</summary>
    public string? Status { get; init; }

    /// <summary>Only payments of this order.</summary>
    public Guid? OrderId { get; init; }

    /// <summary>Only payments created at or after this instant (UTC).</summary>
    public DateTime? From { get; init; }

    /// <summary>Only payments created before this instant (UTC).</summary>
    public DateTime? To { get; init; }

    /// <summary>Only payments through this gateway.</summary>
    public string? Gateway { get; init; }

    /// <summary>The errors of this query, empty when it is valid.</summary>
    public IReadOnlyList<ApiError> Validate()
    {
        var errors = new List<ApiError>();
        PageRules.Check(PageNumber, PageSize, errors);
        if (Status is not null && !PaymentStatusNames.ByName.ContainsKey(Status))
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, $"status must be one of {string.Join(", ", PaymentStatusNames.ByName.Keys)}", "status"));
        }

        if (From is { } from && To is { } to && from > to)
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, "from must not be after to", "from"));
        }

        if (Gateway is { Length: > 32 })
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, "gateway must be at most 32 characters", "gateway"));
        }

        return errors;
    }

    /// <summary>The payments this query selects.</summary>
    public IQueryable<Payment> Apply(IQueryable<Payment> payments)
    {
        if (Status is not null && PaymentStatusNames.ByName.TryGetValue(Status, out var status))
        {
            payments = payments.Where(p => p.Status == status);
        }

        if (OrderId is { } orderId)
        {
            payments = payments.Where(p => p.OrderId == orderId);
        }

        if (From is { } from)
        {
            var utc = from.ToUniversalTime();
            payments = payments.Where(p => p.CreatedAt >= utc);
        }

        if (To is { } to)
        {
            var utc = to.ToUniversalTime();
            payments = payments.Where(p => p.CreatedAt < utc);
        }

        if (Gateway is { } gateway)
        {
            var name = gateway.ToLowerInvariant();
            payments = payments.Where(p => p.Gateway == name);
        }

        return payments;
    }
}
