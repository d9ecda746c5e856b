using Mercato.Logs.Export;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;

namespace Mercato.Logs.Audit;

/// <summary>Query of <c>GET /api/v1/audit</c>: paged, newest first; filters actor, resource, action and time range.</summary>
internal sealed class AuditListQuery
{
    /// <summary>The longest filter value.</summary>
    public const int MaxLength = 300;

    /// <summary>1-based page (default 1).</summary>
    public int? PageNumber { get; init; }

    /// <summary>Entries per page, 1-100 (default 20).</summary>
    public int? PageSize { get; init; }

    /// <summary>Only this actor (a user id, a client id, or <c>service:&lt;module&gt;</c>).</summary>
    public string? Actor { get; init; }

    /// <summary>Only this resource type (e.g. <c>product</c>).</summary>
    public string? ResourceType { get; init; }

    /// <summary>Only this resource id.</summary>
    public string? ResourceId { get; init; }

    /// <summary>Only this action (e.g. <c>catalog.product.updated</c>).</summary>
    public string? Action { get; init; }

    /// <summary>Only entries made at or after this instant (UTC).</summary>
    public DateTime? From { get; init; }

    /// <summary>Only entries made before this instant (UTC).</summary>
    public DateTime? To { get; init; }

    /// <summary>The errors of this query, empty when it is valid.</summary>
    public IReadOnlyList<ApiError> Validate()
    {
        var errors = new List<ApiError>();
        PageRules.Check(PageNumber, PageSize, errors);
        TimeRange.Check(From, To, errors);
        foreach (var (value, field) in new[] { (Actor, "actor"), (ResourceType, "resourceType"), (ResourceId, "resourceId"), (Action, "action") })
        {
            if (value is { Length: 0 or > MaxLength })
            {
                errors.Add(new ApiError(ErrorCodes.ValidationError, $"{field} must be 1-{MaxLength} characters", field));
            }
        }

        return errors;
    }

    /// <summary>The entries this query selects.</summary>
    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        if (Actor is not null)
        {
            entries = entries.Where(a => a.Actor == Actor);
        }

        if (ResourceType is not null)
        {
            entries = entries.Where(a => a.ResourceType == ResourceType);
        }

        if (ResourceId is not null)
        {
            entries = entries.Where(a => a.ResourceId == ResourceId);
        }

        if (Action is not null)
        {
            entries = entries.Where(a => a.Action == Action);
        }

        if (From is { } from)
        {
            var utc = from.ToUniversalTime();
            entries = entries.Where(a => a.OccurredAt >= utc);
        }

        if (To is { } to)
        {
            var utc = to.ToUniversalTime();
            entries = entries.Where(a => a.OccurredAt < utc);
        }

        return entries;
    }
}
