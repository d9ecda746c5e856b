namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>An event an endpoint can subscribe to.</summary>
/// <param name="Name">The API's <c>name</c>.</param>
/// <param name="Description">The API's <c>description</c>.</param>
public sealed record WebhookEventType(
    string Name,
    string Description);
