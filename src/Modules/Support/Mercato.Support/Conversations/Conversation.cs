namespace Mercato.Support.Conversations;

/// <summary>A customer's support conversation with the shop's staff.</summary>
internal sealed class Conversation
{
    /// <summary>The id (UUIDv7).</summary>
    public Guid Id { get; set; }

    /// <summary>The customer who opened it; only they (and staff) see it.</summary>
    public Guid CustomerId { get; set; }

    /// <summary>The customer's order it is about, if any.</summary>
    public Guid? OrderId { get; set; }

    /// <summary>What it is about, as the customer put it.</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>Where it stands.</summary>
    public ConversationStatus Status { get; set; }

    /// <summary>The staff member who looks after it, if any.</summary>
    public Guid? AssigneeId { get; set; }

    /// <summary>Messages the customer sees (theirs and staff's public replies).</summary>
    public int MessageCount { get; set; }

    /// <summary>Internal notes (staff only).</summary>
    public int NoteCount { get; set; }

    /// <summary>When it was opened (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When anything about it last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>When the last message the customer sees was posted (UTC).</summary>
    public DateTime LastMessageAt { get; set; }

    /// <summary>When the last message or note was posted (UTC), what staff sort their inbox by.</summary>
    public DateTime LastActivityAt { get; set; }

    /// <summary>When staff first replied publicly (UTC), if they have.</summary>
    public DateTime? FirstResponseAt { get; set; }

    /// <summary>When it was closed (UTC), while it is closed.</summary>
    public DateTime? ResolvedAt { get; set; }

    /// <summary>Changes with every write, so two writes racing for one conversation are serialised.</summary>
    public Guid Version { get; set; }
}
