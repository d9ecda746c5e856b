namespace Mercato.Messaging.Inbox;

/// <summary>Records that a consumer has applied an event, so a redelivery does nothing.</summary>
public sealed class InboxMessage
{
    /// <summary>The event id.</summary>
    public Guid MessageId { get; set; }

    /// <summary>The consuming handler (<c>module/HandlerName</c>).</summary>
    public string Consumer { get; set; } = string.Empty;

    /// <summary>The event's wire name.</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>When it was applied (UTC).</summary>
    public DateTime ProcessedAt { get; set; }
}
