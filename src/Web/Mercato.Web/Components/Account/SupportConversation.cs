namespace Mercato.Web.Components.Account;

/// <summary>A support conversation as its customer sees it (<c>/api/v1/support/conversations</c>).</summary>
/// <param name="Id">Conversation id.</param>
/// <param name="OrderId">The order it is about, if any.</param>
/// <param name="Subject">What it is about.</param>
/// <param name="Status"><c>open</c>, <c>pending</c> or <c>closed</c>.</param>
/// <param name="MessageCount">Messages.</param>
/// <param name="CreatedAt">Opened (UTC).</param>
/// <param name="LastMessageAt">Last message (UTC).</param>
public sealed record SupportConversation(Guid Id, Guid? OrderId, string Subject, string Status, int MessageCount, DateTime CreatedAt, DateTime LastMessageAt);
