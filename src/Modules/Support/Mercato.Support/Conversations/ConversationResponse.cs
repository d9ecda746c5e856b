namespace Mercato.Support.Conversations;

/// <summary>A conversation as the API shows it. Customers see the counts and times of what they can read; staff also see the notes.</summary>
/// <param name="Id">The id.</param>
/// <param name="CustomerId">The customer who opened it.</param>
/// <param name="OrderId">The order it is about, if any.</param>
/// <param name="Subject">What it is about.</param>
/// <param name="Status"><c>open</c> (waiting for staff), <c>pending</c> (waiting for the customer) or <c>closed</c>.</param>
/// <param name="AssigneeId">The staff member looking after it, if any.</param>
/// <param name="MessageCount">Messages the customer sees.</param>
/// <param name="NoteCount">Internal notes (staff only; null for customers).</param>
/// <param name="CreatedAt">When it was opened.</param>
/// <param name="UpdatedAt">When it last changed (for customers: the last change they can see).</param>
/// <param name="LastMessageAt">When the last message the customer sees was posted.</param>
/// <param name="LastActivityAt">When the last message or note was posted (staff only; null for customers).</param>
/// <param name="FirstResponseAt">When staff first replied, if they have.</param>
/// <param name="ResolvedAt">When it was closed, while it is closed.</param>
internal sealed record ConversationResponse(
    Guid Id,
    Guid CustomerId,
    Guid? OrderId,
    string Subject,
    string Status,
    Guid? AssigneeId,
    int MessageCount,
    int? NoteCount,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime LastMessageAt,
    DateTime? LastActivityAt,
    DateTime? FirstResponseAt,
    DateTime? ResolvedAt)
{
    /// <summary>Describes <paramref name="c"/> for staff (everything) or for its customer (nothing of the notes).</summary>
    public static ConversationResponse From(Conversation c, bool forStaff) => new(
        c.Id,
        c.CustomerId,
        c.OrderId,
        c.Subject,
        ConversationNames.Of(c.Status),
        c.AssigneeId,
        c.MessageCount,
        forStaff ? c.NoteCount : null,
        c.CreatedAt,
        forStaff ? c.UpdatedAt : Max(c.LastMessageAt, c.ResolvedAt),
        c.LastMessageAt,
        forStaff ? c.LastActivityAt : null,
        c.FirstResponseAt,
        c.ResolvedAt);

    private static DateTime Max(DateTime a, DateTime? b) => b is { } value && value > a ? value : a;
}
