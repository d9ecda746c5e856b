using Mercato.Logs.Data;
using Mercato.Logs.Export;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mercato.Logs.Audit;

/// <summary>
/// The audit trail, read-only: administrators query and export it. No endpoint changes or deletes
/// an entry (other methods answer 405); only the retention job deletes, by age.
/// </summary>
internal static class AuditApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(LogsModule.Descriptor).MapGroup("/api/v1/audit").WithTags("Audit");
        group.MapGet(string.Empty, ListAsync).RequireAdmin().WithName("ListAuditEntries")
            .WithSummary("Audit entries, newest first, paged; filters actor, resourceType, resourceId, action, from and to (administrators)");
        group.MapGet("/{id:guid}", GetAsync).RequireAdmin().WithName("GetAuditEntry")
            .WithSummary("One audit entry with the before and after of the changed fields (administrators)");
        group.MapGet("/export", Export).RequireAdmin().WithName("ExportAuditEntries")
            .WithSummary("The audit entries of a time range (from, to) as JSON lines (application/x-ndjson), oldest first, streamed (administrators)");
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<PagedResult<AuditResponse>>>, ApiErrorResult>> ListAsync(
        [AsParameters] AuditListQuery query, LogsDbContext db, CancellationToken cancellationToken)
    {
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            return ApiResults.Validation(errors);
        }

        return ApiResults.Ok(await Pages.ReadAsync(
            query.Apply(db.Audit.AsNoTracking()), a => a.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id), query.PageNumber, query.PageSize, AuditResponse.From, cancellationToken));
    }

    private static async Task<Results<Ok<ApiResponse<AuditResponse>>, ApiErrorResult>> GetAsync(Guid id, LogsDbContext db, CancellationToken cancellationToken)
    {
        var entry = await db.Audit.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return entry is null ? ApiResults.NotFound("Audit entry not found") : ApiResults.Ok(AuditResponse.From(entry));
    }

    private static Results<PushStreamHttpResult, ApiErrorResult> Export(
        [AsParameters] ExportQuery query, LogsDbContext db, IOptions<JsonOptions> json)
    {
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            return ApiResults.Validation(errors);
        }

        var from = query.FromUtc;
        var to = query.ToUtc;
        var rows = db.Audit.AsNoTracking().Where(a => a.OccurredAt >= from && a.OccurredAt < to)
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id).AsAsyncEnumerable();
        return NdjsonExport.Of(rows, AuditResponse.From, json.Value.SerializerOptions, query.FileName("audit"));
    }
}
