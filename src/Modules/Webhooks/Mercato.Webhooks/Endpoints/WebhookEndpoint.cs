using Mercato.Webhooks.Events;

namespace Mercato.Webhooks.Endpoints;

/// <summary>An administrator's webhook endpoint: where events are delivered, which ones, and with which secret.</summary>
internal sealed class WebhookEndpoint
{
    /// <summary>The id (UUIDv7).</summary>
    public Guid Id { get; set; }

    /// <summary>The URL deliveries are posted to.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>The subscribed event names, space separated (<c>*</c> for every event).</summary>
    public string Events { get; set; } = string.Empty;

    /// <summary>What the endpoint is for, in the administrator's words.</summary>
    public string? Description { get; set; }

    /// <summary>The signing secret (<c>whsec_...</c>).</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>The secret before the last rotation, which still signs until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousSecret { get; set; }

    /// <summary>Until when the previous secret signs too.</summary>
    public DateTime? PreviousSecretExpiresAt { get; set; }

    /// <summary>Whether deliveries are sent.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Why it was disabled, when it was.</summary>
    public string? DisabledReason { get; set; }

    /// <summary>When it was disabled.</summary>
    public DateTime? DisabledAt { get; set; }

    /// <summary>When its attempts started failing with no success since (null after a success).</summary>
    public DateTime? FailingSince { get; set; }

    /// <summary>When an attempt last succeeded.</summary>
    public DateTime? LastSuccessAt { get; set; }

    /// <summary>Who created it.</summary>
    public string CreatedBy { get; set; } = string.Empty;

    /// <summary>When it was created.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When it last changed.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>The subscribed event names.</summary>
    public IReadOnlyList<string> EventList => Events.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether <paramref name="eventName"/> is subscribed.</summary>
    public bool Subscribes(string eventName) => EventList.Any(e => e == WebhookEventNames.All || e == eventName);

    /// <summary>The secrets that sign now: the current one, and the previous one during a rotation's overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTime now) => PreviousSecret is not null && PreviousSecretExpiresAt > now
        ? [Secret, PreviousSecret]
        : [Secret];
}
