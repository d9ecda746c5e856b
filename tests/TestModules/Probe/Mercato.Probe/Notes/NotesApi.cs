using Mercato.Messaging.Outbox;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Versioning;
using Mercato.Probe.Contracts;
using Mercato.Probe.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Probe.Notes;

/// <summary>Notes: a state change that publishes <see cref="NoteCreated"/> through the outbox.</summary>
public static class NotesApi
{
    /// <summary>When <c>GET /api/v1/probe/notes/legacy/{id}</c> was deprecated.</summary>
    public static readonly DateTimeOffset DeprecatedSince = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>When <c>GET /api/v1/probe/notes/legacy/{id}</c> stops answering.</summary>
    public static readonly DateTimeOffset DeprecatedSunset = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Maps the notes endpoints (one of them deprecated, for the deprecation headers' tests).</summary>
    public static IEndpointRouteBuilder MapNotesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/probe/notes").WithTags("Probe");
        group.MapPost("/", CreateAsync).WithName("CreateNote").WithSummary("Writes a note and publishes NoteCreated");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetNote").WithSummary("Reads a note");
        group.MapGet("/legacy/{id:guid}", GetAsync).WithName("GetNoteLegacy").WithSummary("Reads a note (the old address)")
            .Deprecated(DeprecatedSince, DeprecatedSunset);
        return endpoints;
    }

    private static async Task<Created<ApiResponse<NoteResponse>>> CreateAsync(
        CreateNoteRequest request, ProbeDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var note = new Note
        {
            Id = Guid.CreateVersion7(),
            Text = request.Text!,
            Priority = request.Priority,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Notes.Add(note);
        db.AddIntegrationEvent(new NoteCreated(note.Id, note.Text), ProbeModule.Name);
        await db.SaveChangesAsync(cancellationToken);
        return ApiResults.Created($"/api/v1/probe/notes/{note.Id}", NoteResponse.From(note), "Note created");
    }

    private static async Task<Results<Ok<ApiResponse<NoteResponse>>, ApiErrorResult>> GetAsync(
        Guid id, ProbeDbContext db, CancellationToken cancellationToken)
    {
        var note = await db.Notes.FindAsync([id], cancellationToken);
        return note is null
            ? ApiResults.NotFound($"Note '{id}' not found")
            : ApiResults.Ok(NoteResponse.From(note));
    }
}
