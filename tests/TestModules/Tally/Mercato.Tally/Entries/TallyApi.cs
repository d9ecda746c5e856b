using Mercato.Platform.Envelope;
using Mercato.Tally.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Tally.Entries;

/// <summary>Lets tests see what the Tally module applied.</summary>
public static class TallyApi
{
    /// <summary>Maps <c>GET /api/v1/tally/entries</c>.</summary>
    public static IEndpointRouteBuilder MapTallyApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1/tally").WithTags("Tally")
            .MapGet("/entries", ListAsync).WithName("ListTallyEntries").WithSummary("Counted notes, optionally one note's");
        return endpoints;
    }

    private static async Task<Ok<ApiResponse<TallyEntryResponse[]>>> ListAsync(Guid? noteId, TallyDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Entries.AsNoTracking();
        if (noteId is { } id)
        {
            query = query.Where(e => e.NoteId == id);
        }

        var entries = await query.OrderBy(e => e.ReceivedAt).ToListAsync(cancellationToken);
        return ApiResults.Ok(entries.Select(e => new TallyEntryResponse(e.EventId, e.NoteId, e.ReceivedAt)).ToArray());
    }
}

/// <summary>A counted event as the API returns it.</summary>
/// <param name="EventId">The event id.</param>
/// <param name="NoteId">The note.</param>
/// <param name="ReceivedAt">When the handler applied it (UTC).</param>
public sealed record TallyEntryResponse(Guid EventId, Guid NoteId, DateTime ReceivedAt);
