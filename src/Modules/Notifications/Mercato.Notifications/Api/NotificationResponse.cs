using Mercato.Notifications.Messages;

namespace Mercato.Notifications.Api;

/// <summary>A message as seed 004 shows it, with its attempts and, unless it carries a secret, its body.</summary>
/// <param name="Id">The message's id.</param>
/// <param name="Type">Its channel: <c>email</c> or <c>sms</c>.</param>
/// <param name="To">The recipient.</param>
/// <param name="Subject">The subject (e-mail).</param>
/// <param name="Template">The template it was rendered from, if any.</param>
/// <param name="Language">The template's language.</param>
/// <param name="Status"><c>queued</c>, <c>sending</c>, <c>sent</c>, <c>failed</c> or <c>cancelled</c>.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="QueuedAt">When it was queued (UTC).</param>
/// <param name="NextAttemptAt">When it is tried next, while queued (UTC).</param>
/// <param name="SentAt">When the provider accepted it (UTC).</param>
/// <param name="DeliveredAt">When the recipient's side confirmed delivery (seed 004); Mercato's providers do not report it, so always null.</param>
/// <param name="Error">Why the last attempt failed.</param>
/// <param name="ProviderMessageId">The provider's id for it.</param>
/// <param name="Body">The plain-text body; null when it carries a secret.</param>
/// <param name="HtmlBody">The HTML body; null when it carries a secret or there is none.</param>
/// <param name="ResentFrom">The message this one sends again, if any.</param>
internal sealed record NotificationResponse(
    Guid Id,
    string Type,
    string To,
    string? Subject,
    string? Template,
    string Language,
    string Status,
    int Attempts,
    DateTime QueuedAt,
    DateTime? NextAttemptAt,
    DateTime? SentAt,
    DateTime? DeliveredAt,
    string? Error,
    string? ProviderMessageId,
    string? Body,
    string? HtmlBody,
    Guid? ResentFrom)
{
    /// <summary>The response form of a stored message.</summary>
    public static NotificationResponse From(Notification n) => new(
        n.Id,
        NotificationNames.Of(n.Channel),
        n.Recipient,
        n.Subject,
        n.Template,
        n.Language,
        NotificationNames.Of(n.Status),
        n.Attempts,
        n.QueuedAt,
        n.Status == NotificationStatus.Queued ? n.NextAttemptAt : null,
        n.SentAt,
        null,
        n.LastError,
        n.ProviderMessageId,
        n.Sensitive ? null : n.TextBody,
        n.Sensitive ? null : n.HtmlBody,
        n.ResentFrom);
}
