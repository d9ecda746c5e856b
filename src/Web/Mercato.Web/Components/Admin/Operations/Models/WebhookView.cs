namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>A webhook endpoint (the secret only right after it was created or rotated).</summary>
/// <param name="Id">The API's <c>id</c>.</param>
/// <param name="Url">The API's <c>url</c>.</param>
/// <param name="Events">The API's <c>events</c>.</param>
/// <param name="Description">The API's <c>description</c>.</param>
/// <param name="Status">The API's <c>status</c>.</param>
/// <param name="DisabledReason">The API's <c>disabledReason</c>.</param>
/// <param name="FailingSince">The API's <c>failingSince</c>.</param>
/// <param name="LastSuccessAt">The API's <c>lastSuccessAt</c>.</param>
/// <param name="PreviousSecretExpiresAt">The API's <c>previousSecretExpiresAt</c>.</param>
/// <param name="CreatedAt">The API's <c>createdAt</c>.</param>
/// <param name="Secret">The API's <c>secret</c>.</param>
public sealed record WebhookView(
    Guid Id,
    string Url,
    IReadOnlyList<string> Events,
    string? Description,
    string Status,
    string? DisabledReason,
    DateTime? FailingSince,
    DateTime? LastSuccessAt,
    DateTime? PreviousSecretExpiresAt,
    DateTime CreatedAt,
    string? Secret);
