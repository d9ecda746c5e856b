namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>A notification the API queued.</summary>
/// <param name="NotificationId">The API's <c>notificationId</c>.</param>
/// <param name="Status">The API's <c>status</c>.</param>
/// <param name="QueuedAt">The API's <c>queuedAt</c>.</param>
public sealed record QueuedNotification(
    Guid NotificationId,
    string Status,
    DateTime QueuedAt);
