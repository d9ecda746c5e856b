namespace Mercato.Notifications.Messages;

/// <summary>Where a message stands.</summary>
internal enum NotificationStatus
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Queued,

    /// <summary>An attempt is under way.</summary>
    Sending,

    /// <summary>The provider accepted it.</summary>
    Sent,

    /// <summary>Every attempt failed; parked until an administrator resends it.</summary>
    Failed,

    /// <summary>Withdrawn before it was sent.</summary>
    Cancelled,
}
