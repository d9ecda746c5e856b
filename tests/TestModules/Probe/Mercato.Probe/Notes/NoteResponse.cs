namespace Mercato.Probe.Notes;

/// <summary>A note as the API returns it.</summary>
/// <param name="Id">Id.</param>
/// <param name="Text">Text.</param>
/// <param name="Priority">Priority.</param>
/// <param name="CreatedAt">Creation time.</param>
public sealed record NoteResponse(Guid Id, string Text, int Priority, DateTimeOffset CreatedAt)
{
    /// <summary>Maps the entity.</summary>
    public static NoteResponse From(Note note) =>
        new(note.Id, note.Text, note.Priority, new DateTimeOffset(note.CreatedAt, TimeSpan.Zero));
}
