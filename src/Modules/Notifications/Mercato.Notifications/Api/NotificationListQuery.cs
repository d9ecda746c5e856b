using Mercato.Notifications.Messages;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;

namespace Mercato.Notifications.Api;

/// <summary>Query of <c>GET /api/v1/notifications/history</c> (seed 004): paged; filters type, status, date range.</summary>
internal sealed class NotificationListQuery
{
    /// <summary>1-based page (default 1).</summary>
    public int? PageNumber { get; init; }

    /// <summary>Messages per page, 1-100 (default 20).</summary>
    public int? PageSize { get; init; }

    /// <summary>Only this channel: <c>email</c> or <c>sms</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Only this status: <c>queued</c>, <c>sending</c>, <c>sent</c>, <c>failed</c>, <c>cancelled</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Only messages queued at or after this instant (UTC).</summary>
    public DateTime? From { get; init; }

    /// <summary>Only messages queued before this instant (UTC).</summary>
    public DateTime? To { get; init; }

    /// <summary>Only messages about this customer (administrators).</summary>
    public Guid? UserId { get; init; }

    /// <summary>The errors of this query, empty when it is valid.</summary>
    public IReadOnlyList<ApiError> Validate()
    {
        var errors = new List<ApiError>();
        PageRules.Check(PageNumber, PageSize, errors);
        if (Type is not null && !NotificationNames.Channels.ContainsKey(Type))
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, $"type must be one of {string.Join(", ", NotificationNames.Channels.Keys)}", "type"));
        }

        if (Status is not null && !NotificationNames.Statuses.ContainsKey(Status))
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, $"status must be one of {string.Join(", ", NotificationNames.Statuses.Keys)}", "status"));
        }

        if (From is { } from && To is { } to && from > to)
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, "from must not be after to", "from"));
        }

        return errors;
    }

    /// <summary>The messages this query selects.</summary>
    public IQueryable<Notification> Apply(IQueryable<Notification> messages)
    {
        if (Type is not null && NotificationNames.Channels.TryGetValue(Type, out var channel))
        {
            messages = messages.Where(n => n.Channel == channel);
        }

        if (Status is not null && NotificationNames.Statuses.TryGetValue(Status, out var status))
        {
            messages = messages.Where(n => n.Status == status);
        }

        if (From is { } from)
        {
            var utc = from.ToUniversalTime();
            messages = messages.Where(n => n.QueuedAt >= utc);
        }

        if (To is { } to)
        {
            var utc = to.ToUniversalTime();
            messages = messages.Where(n => n.QueuedAt < utc);
        }

        if (UserId is { } userId)
        {
            messages = messages.Where(n => n.UserId == userId);
        }

        return messages;
    }
}
