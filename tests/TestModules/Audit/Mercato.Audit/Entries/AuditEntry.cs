namespace Mercato.Audit.Entries;

/// <summary>One applied NoteCreated event.</summary>
public sealed class AuditEntry
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The event id.</summary>
    public Guid EventId { get; set; }

    /// <summary>The note.</summary>
    public Guid NoteId { get; set; }

    /// <summary>The note's text.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>The correlation id the event carried.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>The W3C trace id the handler ran under.</summary>
    public string? TraceId { get; set; }

    /// <summary>When it was applied (UTC).</summary>
    public DateTime ReceivedAt { get; set; }
}
