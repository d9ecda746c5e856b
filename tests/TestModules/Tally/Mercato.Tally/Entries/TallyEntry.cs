namespace Mercato.Tally.Entries;

/// <summary>One counted NoteCreated event.</summary>
public sealed class TallyEntry
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The event id.</summary>
    public Guid EventId { get; set; }

    /// <summary>The note.</summary>
    public Guid NoteId { get; set; }

    /// <summary>When it was applied (UTC).</summary>
    public DateTime ReceivedAt { get; set; }
}
