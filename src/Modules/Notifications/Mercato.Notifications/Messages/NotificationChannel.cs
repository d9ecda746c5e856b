namespace Mercato.Notifications.Messages;

/// <summary>How a message travels.</summary>
internal enum NotificationChannel
{
    /// <summary>E-mail (seed 004's <c>email</c>).</summary>
    Email,

    /// <summary>Text message (seed 004's <c>sms</c>).</summary>
    Sms,
}
