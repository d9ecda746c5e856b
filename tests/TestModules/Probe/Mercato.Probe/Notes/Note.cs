namespace Mercato.Probe.Notes;

/// <summary>A note: the Probe module's one piece of state.</summary>
public sealed class Note
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>Text.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>Priority 1-5.</summary>
    public int Priority { get; set; }

    /// <summary>Creation time (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
