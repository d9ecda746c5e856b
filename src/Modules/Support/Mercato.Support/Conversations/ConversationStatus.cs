namespace Mercato.Support.Conversations;

/// <summary>Where a conversation stands.</summary>
internal enum ConversationStatus
{
    /// <summary>Waiting for staff: new, or the customer wrote last.</summary>
    Open,

    /// <summary>Waiting for the customer: staff replied last.</summary>
    Pending,

    /// <summary>Resolved; a new customer message opens it again.</summary>
    Closed,
}
