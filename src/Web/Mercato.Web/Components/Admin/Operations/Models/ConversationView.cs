namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>A support conversation as staff see it.</summary>
/// <param name="Id">The API's <c>id</c>.</param>
/// <param name="CustomerId">The API's <c>customerId</c>.</param>
/// <param name="OrderId">The API's <c>orderId</c>.</param>
/// <param name="Subject">The API's <c>subject</c>.</param>
/// <param name="Status">The API's <c>status</c>.</param>
/// <param name="AssigneeId">The API's <c>assigneeId</c>.</param>
/// <param name="MessageCount">The API's <c>messageCount</c>.</param>
/// <param name="NoteCount">The API's <c>noteCount</c>.</param>
/// <param name="CreatedAt">The API's <c>createdAt</c>.</param>
/// <param name="LastMessageAt">The API's <c>lastMessageAt</c>.</param>
/// <param name="LastActivityAt">The API's <c>lastActivityAt</c>.</param>
/// <param name="FirstResponseAt">The API's <c>firstResponseAt</c>.</param>
/// <param name="ResolvedAt">The API's <c>resolvedAt</c>.</param>
public sealed record ConversationView(
    Guid Id,
    Guid CustomerId,
    Guid? OrderId,
    string Subject,
    string Status,
    Guid? AssigneeId,
    int MessageCount,
    int? NoteCount,
    DateTime CreatedAt,
    DateTime LastMessageAt,
    DateTime? LastActivityAt,
    DateTime? FirstResponseAt,
    DateTime? ResolvedAt);
