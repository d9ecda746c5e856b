using System.Text.Json.Serialization;
using Mercato.Webhooks.Endpoints;

namespace Mercato.Webhooks.Api;

/// <summary>An endpoint as the API shows it (seed 004). The secret appears only in the answer that created or rotated it.</summary>
/// <param name="Id">The id.</param>
/// <param name="Url">The URL.</param>
/// <param name="Events">The subscribed events.</param>
/// <param name="Description">The description.</param>
/// <param name="Status"><c>active</c> or <c>disabled</c>.</param>
/// <param name="DisabledReason">Why it is disabled.</param>
/// <param name="DisabledAt">When it was disabled.</param>
/// <param name="FailingSince">Since when its deliveries fail without a success.</param>
/// <param name="LastSuccessAt">When a delivery last succeeded.</param>
/// <param name="PreviousSecretExpiresAt">Until when the previous secret signs too, during a rotation.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
internal sealed record WebhookResponse(
    Guid Id, string Url, IReadOnlyList<string> Events, string? Description, string Status, string? DisabledReason, DateTime? DisabledAt,
    DateTime? FailingSince, DateTime? LastSuccessAt, DateTime? PreviousSecretExpiresAt, DateTime CreatedAt, DateTime UpdatedAt)
{
    /// <summary>The signing secret: only in the answer to its creation or rotation, never again.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Secret { get; init; }

    /// <summary>The endpoint as shown (without its secret).</summary>
    public static WebhookResponse From(WebhookEndpoint e, DateTime now) => new(
        e.Id, e.Url, e.EventList, e.Description, e.Enabled ? "active" : "disabled", e.DisabledReason, e.DisabledAt, e.FailingSince, e.LastSuccessAt,
        e.PreviousSecret is not null && e.PreviousSecretExpiresAt > now ? e.PreviousSecretExpiresAt : null, e.CreatedAt, e.UpdatedAt);
}
