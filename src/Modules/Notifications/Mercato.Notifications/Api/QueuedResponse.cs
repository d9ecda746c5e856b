using Mercato.Notifications.Messages;

namespace Mercato.Notifications.Api;

/// <summary>Seed 004's answer to a send: the queued message's id, status and time.</summary>
/// <param name="NotificationId">The message's id.</param>
/// <param name="Status">Its status (<c>queued</c>).</param>
/// <param name="QueuedAt">When it was queued (UTC).</param>
internal sealed record QueuedResponse(Guid NotificationId, string Status, DateTime QueuedAt)
{
    /// <summary>The answer for <paramref name="n"/>.</summary>
    public static QueuedResponse From(Notification n) => new(n.Id, NotificationNames.Of(n.Status), n.QueuedAt);
}
