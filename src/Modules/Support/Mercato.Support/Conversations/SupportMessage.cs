namespace Mercato.Support.Conversations;

/// <summary>One message in a conversation: the customer's, a staff reply, or a staff-only internal note.</summary>
internal sealed class SupportMessage
{
    /// <summary>The id (UUIDv7).</summary>
    public Guid Id { get; set; }

    /// <summary>The conversation.</summary>
    public Guid ConversationId { get; set; }

    /// <summary>Its place in the conversation (1, 2, ...; notes included), so messages posted in the same instant keep their order.</summary>
    public int Sequence { get; set; }

    /// <summary>Who wrote it.</summary>
    public Guid AuthorId { get; set; }

    /// <summary>Whether staff (Admin or Support) wrote it.</summary>
    public bool ByStaff { get; set; }

    /// <summary>Whether it is an internal note, which the customer never sees.</summary>
    public bool Internal { get; set; }

    /// <summary>The text.</summary>
    public string Body { get; set; } = string.Empty;

    /// <summary>When it was posted (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
