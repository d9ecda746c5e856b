namespace Mercato.Support.Conversations;

/// <summary>A message as the API shows it.</summary>
/// <param name="Id">The id.</param>
/// <param name="ConversationId">The conversation.</param>
/// <param name="AuthorId">Who wrote it.</param>
/// <param name="ByStaff">Whether staff wrote it (rather than the customer).</param>
/// <param name="Internal">Whether it is an internal note (only staff ever see these).</param>
/// <param name="Body">The text.</param>
/// <param name="CreatedAt">When it was posted.</param>
internal sealed record MessageResponse(Guid Id, Guid ConversationId, Guid AuthorId, bool ByStaff, bool Internal, string Body, DateTime CreatedAt)
{
    /// <summary>Describes <paramref name="m"/>.</summary>
    public static MessageResponse From(SupportMessage m) => new(m.Id, m.ConversationId, m.AuthorId, m.ByStaff, m.Internal, m.Body, m.CreatedAt);
}
