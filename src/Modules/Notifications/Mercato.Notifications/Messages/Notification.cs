using Mercato.Messaging.Audit;

namespace Mercato.Notifications.Messages;

/// <summary>
/// One message to one recipient, from the moment it is queued: what was rendered, every attempt's
/// outcome and the provider's id. A message made for an event is unique on the event, the
/// template and the recipient, so a redelivered event never sends twice.
/// </summary>
internal sealed class Notification
{
    /// <summary>The message's id (UUIDv7).</summary>
    public Guid Id { get; set; }

    /// <summary>How it travels.</summary>
    public NotificationChannel Channel { get; set; }

    /// <summary>The e-mail address or the phone number (E.164).</summary>
    public string Recipient { get; set; } = string.Empty;

    /// <summary>The customer it is about, when it concerns an account (they may read it).</summary>
    public Guid? UserId { get; set; }

    /// <summary>The template it was rendered from (<c>order-shipped</c>), or null for a message sent as written.</summary>
    public string? Template { get; set; }

    /// <summary>The template's language.</summary>
    public string Language { get; set; } = "en";

    /// <summary>The rendered subject (e-mail only).</summary>
    public string? Subject { get; set; }

    /// <summary>The rendered plain-text body (the SMS text, or the e-mail's text part).</summary>
    [AuditRedacted]
    public string TextBody { get; set; } = string.Empty;

    /// <summary>The rendered HTML body (e-mail only).</summary>
    [AuditRedacted]
    public string? HtmlBody { get; set; }

    /// <summary>Whether the body holds a secret (a reset link, a code): the API never shows it.</summary>
    public bool Sensitive { get; set; }

    /// <summary>Where it stands.</summary>
    public NotificationStatus Status { get; set; }

    /// <summary>Attempts made so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Why the last attempt failed.</summary>
    public string? LastError { get; set; }

    /// <summary>The provider's id for the sent message (the SMTP Message-Id, Twilio's SID).</summary>
    public string? ProviderMessageId { get; set; }

    /// <summary>The integration event it was made for, if any.</summary>
    public Guid? SourceEventId { get; set; }

    /// <summary>The message this one sends again, if it is a resend.</summary>
    public Guid? ResentFrom { get; set; }

    /// <summary>Who asked for it: a service client, an administrator, or the module itself for events.</summary>
    public string RequestedBy { get; set; } = string.Empty;

    /// <summary>When it was queued (UTC).</summary>
    public DateTime QueuedAt { get; set; }

    /// <summary>When its next attempt is due (UTC).</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>Until when the attempt under way holds it; an attempt cut short by a crash is retried after this.</summary>
    public DateTime? LeaseUntil { get; set; }

    /// <summary>When the provider accepted it (UTC).</summary>
    public DateTime? SentAt { get; set; }

    /// <summary>Last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
