using Mercato.Notifications.Messages;
using MimeKit;

namespace Mercato.Notifications.Sending;

/// <summary>Builds the MIME form of an e-mail record.</summary>
internal static class MimeMessages
{
    /// <summary>
    /// The message with a text and (when there is one) an HTML part. Its <c>Message-Id</c> is
    /// derived from the record's id, so a retry after an uncertain attempt is the same message to
    /// the receiving side.
    /// </summary>
    public static MimeMessage From(Notification notification, string from)
    {
        var message = new MimeMessage { Subject = notification.Subject ?? string.Empty, MessageId = $"{notification.Id:N}@mercato" };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(notification.Recipient));
        message.Headers.Add("X-Mercato-Notification", notification.Id.ToString());
        var body = new BodyBuilder { TextBody = notification.TextBody };
        if (!string.IsNullOrWhiteSpace(notification.HtmlBody))
        {
            body.HtmlBody = notification.HtmlBody;
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
