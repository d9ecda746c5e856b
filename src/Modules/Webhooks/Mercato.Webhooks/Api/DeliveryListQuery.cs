using Mercato.Platform.Envelope;
using Mercato.Webhooks.Deliveries;
using Mercato.Webhooks.Events;

namespace Mercato.Webhooks.Api;

/// <summary>Query of the delivery lists: paged, newest first; filters status, event, since, correlationId.</summary>
internal sealed class DeliveryListQuery
{
    /// <summary>1-based page (default 1).</summary>
    public int? PageNumber { get; init; }

    /// <summary>Deliveries per page, 1-100 (default 20).</summary>
    public int? PageSize { get; init; }

    /// <summary>Only this status: <c>pending</c>, <c>sending</c>, <c>succeeded</c>, <c>failed</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Only this event name.</summary>
    public string? Event { get; init; }

    /// <summary>Only deliveries queued at or after this instant (UTC).</summary>
    public DateTime? Since { get; init; }

    /// <summary>Only deliveries of events caused by the request with this correlation id.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The errors of this query, empty when it is valid.</summary>
    public IReadOnlyList<ApiError> Validate()
    {
        var errors = new List<ApiError>();
        PageRules.Check(PageNumber, PageSize, errors);
        if (Status is not null && !DeliveryStatusNames.ByName.ContainsKey(Status))
        {
            errors.Add(new(ErrorCodes.ValidationError, "status must be one of " + string.Join(", ", DeliveryStatusNames.ByName.Keys), "status"));
        }

        if (Event is not null && Event != WebhookEventNames.Test && !WebhookEventNames.Known.ContainsKey(Event))
        {
            errors.Add(new(ErrorCodes.ValidationError, "event must be one of " + string.Join(", ", WebhookEventNames.Known.Keys.Append(WebhookEventNames.Test)), "event"));
        }

        if (CorrelationId is { Length: > 128 })
        {
            errors.Add(new(ErrorCodes.ValidationError, "correlationId must be at most 128 characters", "correlationId"));
        }

        return errors;
    }

    /// <summary>The deliveries this query selects.</summary>
    public IQueryable<WebhookDelivery> Apply(IQueryable<WebhookDelivery> deliveries)
    {
        if (Status is not null && DeliveryStatusNames.ByName.TryGetValue(Status, out var status))
        {
            deliveries = deliveries.Where(d => d.Status == status);
        }

        if (Event is not null)
        {
            deliveries = deliveries.Where(d => d.Event == Event);
        }

        if (Since is { } since)
        {
            var utc = since.ToUniversalTime();
            deliveries = deliveries.Where(d => d.CreatedAt >= utc);
        }

        if (CorrelationId is not null)
        {
            deliveries = deliveries.Where(d => d.CorrelationId == CorrelationId);
        }

        return deliveries;
    }
}
