using Mercato.Notifications.Data;
using Mercato.Notifications.Templates;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Notifications.Messages;

/// <summary>
/// Adds messages to the queue (the dispatcher sends them). The caller saves: an event handler in
/// its inbox transaction, so the message and the event's "handled" mark commit together.
/// </summary>
internal sealed class NotificationQueue(NotificationsDbContext db, TimeProvider time)
{
    /// <summary>Who event-driven messages are recorded as requested by.</summary>
    public const string System = "notifications";

    /// <summary>
    /// Queues <paramref name="rendered"/> as an e-mail to <paramref name="recipient"/> for
    /// <paramref name="sourceEventId"/>; answers null when that event already queued this template
    /// for this recipient.
    /// </summary>
    public async Task<Notification?> EmailForEventAsync(
        Guid sourceEventId, string recipient, Guid? userId, RenderedMessage rendered, CancellationToken cancellationToken)
    {
        var address = recipient.Trim();
        if (await db.Notifications.AnyAsync(
            n => n.SourceEventId == sourceEventId && n.Template == rendered.Template && n.Recipient == address, cancellationToken))
        {
            return null;
        }

        return Add(NotificationChannel.Email, address, userId, rendered, System, sourceEventId);
    }

    /// <summary>Queues a message (an e-mail when <paramref name="rendered"/> has a subject to use, or an SMS).</summary>
    public Notification Add(
        NotificationChannel channel, string recipient, Guid? userId, RenderedMessage rendered, string requestedBy, Guid? sourceEventId = null, Guid? resentFrom = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var notification = new Notification
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Channel = channel,
            Recipient = recipient.Trim(),
            UserId = userId,
            Template = rendered.Template.Length == 0 ? null : rendered.Template,
            Language = rendered.Language,
            Subject = channel == NotificationChannel.Email ? rendered.Subject : null,
            TextBody = rendered.Text,
            HtmlBody = channel == NotificationChannel.Email && rendered.Html.Length > 0 ? rendered.Html : null,
            Sensitive = rendered.Sensitive,
            Status = NotificationStatus.Queued,
            SourceEventId = sourceEventId,
            ResentFrom = resentFrom,
            RequestedBy = requestedBy,
            QueuedAt = now,
            NextAttemptAt = now,
            UpdatedAt = now,
        };
        db.Notifications.Add(notification);
        return notification;
    }
}
