using Mercato.Audit.Data;
using Mercato.Platform.Envelope;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Audit.Entries;

/// <summary>Lets tests see what the Audit module applied.</summary>
public static class AuditApi
{
    /// <summary>Maps <c>GET /api/v1/audit/entries</c>.</summary>
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1/audit").WithTags("Audit")
            .MapGet("/entries", ListAsync).WithName("ListAuditEntries").WithSummary("Entries, optionally for one note");
        return endpoints;
    }

    private static async Task<Ok<ApiResponse<AuditEntryResponse[]>>> ListAsync(
        Guid? noteId, AuditDbContext db, FailureInjector failures, CancellationToken cancellationToken)
    {
        var query = db.Entries.AsNoTracking();
        if (noteId is { } id)
        {
            query = query.Where(e => e.NoteId == id);
        }

        var entries = await query.OrderBy(e => e.ReceivedAt).ToListAsync(cancellationToken);
        return ApiResults.Ok(entries
            .Select(e => new AuditEntryResponse(e.EventId, e.NoteId, e.Text, e.CorrelationId, e.TraceId, failures.AttemptsFor(e.EventId)))
            .ToArray());
    }
}

/// <summary>An applied event as the API returns it.</summary>
/// <param name="EventId">The event id.</param>
/// <param name="NoteId">The note.</param>
/// <param name="Text">Its text.</param>
/// <param name="CorrelationId">The correlation id carried by the event.</param>
/// <param name="TraceId">The trace the handler ran in.</param>
/// <param name="HandlerAttempts">How often this process's handler ran for the event.</param>
public sealed record AuditEntryResponse(Guid EventId, Guid NoteId, string Text, string? CorrelationId, string? TraceId, int HandlerAttempts);
