using Mercato.Logs.Audit;
using Mercato.Logs.Data;
using Mercato.Logs.Entries;
using Mercato.Platform.Auth;
using Mercato.Platform.Correlation;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Logs.Correlations;

/// <summary>
/// One correlation id's story: its logs, its audit entries, and the notifications and webhook
/// deliveries it caused. Notifications and the Webhooks module write their messages and deliveries
/// as a service, so they reach the audit trail with the correlation id of the event behind them.
/// </summary>
internal static class CorrelationsApi
{
    /// <summary>The resource type of Notifications' messages in the audit trail.</summary>
    public const string NotificationResource = "notification";

    /// <summary>The resource type of the Webhooks module's deliveries in the audit trail.</summary>
    public const string WebhookDeliveryResource = "webhook-delivery";

    /// <summary>The most rows of each kind one answer holds.</summary>
    public const int MaxRows = 1000;

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapCorrelationsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ModuleGroup(LogsModule.Descriptor).MapGroup("/api/v1/logs/correlations").WithTags("Logs")
            .MapGet("/{correlationId}", GetAsync).RequireAdmin().WithName("GetCorrelation")
            .WithSummary($"One correlation id's logs, audit entries, notifications and webhook deliveries together, oldest first, at most {MaxRows} of each (administrators)");
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<CorrelationResponse>>, ApiErrorResult>> GetAsync(
        string correlationId, LogsDbContext db, CancellationToken cancellationToken)
    {
        if (!CorrelationContext.IsValid(correlationId))
        {
            return ApiResults.BadRequest("correlationId", "correlationId must be 1-128 letters, digits or - _ . :");
        }

        var logs = await db.Logs.AsNoTracking().Where(l => l.CorrelationId == correlationId)
            .OrderBy(l => l.Timestamp).ThenBy(l => l.Id).Take(MaxRows).ToListAsync(cancellationToken);
        var audit = await db.Audit.AsNoTracking().Where(a => a.CorrelationId == correlationId)
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id).Take(MaxRows * 3).ToListAsync(cancellationToken);
        if (logs.Count == 0 && audit.Count == 0)
        {
            return ApiResults.NotFound("Nothing is known about this correlation id");
        }

        List<AuditResponse> Of(Func<AuditEntry, bool> kind) => [.. audit.Where(kind).Take(MaxRows).Select(AuditResponse.From)];
        return ApiResults.Ok(new CorrelationResponse(
            correlationId,
            [.. logs.Select(LogResponse.From)],
            Of(a => a.ResourceType is not (NotificationResource or WebhookDeliveryResource)),
            Of(a => a.ResourceType == NotificationResource),
            Of(a => a.ResourceType == WebhookDeliveryResource)));
    }
}
