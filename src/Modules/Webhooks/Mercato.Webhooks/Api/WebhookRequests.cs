using FluentValidation;
using Mercato.Platform.Security;
using Mercato.Webhooks.Events;

namespace Mercato.Webhooks.Api;

/// <summary>Body of <c>POST /api/v1/webhooks</c> (seed 004).</summary>
/// <param name="Url">Where deliveries are posted (https; see the README for the address rules).</param>
/// <param name="Events">The event names to deliver (<c>GET /api/v1/webhooks/events</c>), or <c>*</c> for all.</param>
/// <param name="Secret">The signing secret (<c>whsec_</c> + base64 of 24-64 bytes); generated when left out.</param>
/// <param name="Description">What the endpoint is for.</param>
internal sealed record CreateWebhookRequest(string? Url, List<string>? Events, string? Secret, string? Description);

/// <summary>Body of <c>PUT</c> (url and events required) and <c>PATCH</c> (what is given changes) of <c>/api/v1/webhooks/{id}</c>.</summary>
/// <param name="Url">The new URL.</param>
/// <param name="Events">The new event names.</param>
/// <param name="Description">The new description (an empty text clears it).</param>
internal sealed record UpdateWebhookRequest(string? Url, List<string>? Events, string? Description);

/// <summary>Body of <c>POST /api/v1/webhooks/{id}/rotate-secret</c>, optional.</summary>
/// <param name="Secret">The new secret; generated when left out.</param>
/// <param name="OverlapMinutes">How long the old secret keeps signing (0 to 10080; the setting <c>Webhooks:RotationOverlap</c>, 24 h, when left out).</param>
internal sealed record RotateSecretRequest(string? Secret = null, int? OverlapMinutes = null);

/// <summary>Body of <c>POST /api/v1/webhooks/{id}/replay</c>.</summary>
/// <param name="Since">Every delivery of the endpoint queued at or after this instant is sent again.</param>
internal sealed record ReplaySinceRequest(DateTime? Since);

/// <summary>The rules shared by the requests that name events and a description.</summary>
internal static class WebhookRules
{
    /// <summary>The most events one endpoint may list.</summary>
    public const int MaxEvents = 50;

    /// <summary>Events: known names (or an alias, or <c>*</c>), at least one, at most <see cref="MaxEvents"/>.</summary>
    public static void EventNames<T>(IRuleBuilder<T, List<string>?> rule) => rule
        .Must(e => e is { Count: > 0 and <= MaxEvents }).WithMessage($"events must list 1 to {MaxEvents} event names")
        .Must(e => e is null || e.All(n => n is not null && WebhookEventNames.Canonical(n) is not null))
        .WithMessage((_, e) => "events may only hold " + string.Join(", ", WebhookEventNames.Known.Keys) + " or *; unknown: "
            + string.Join(", ", (e ?? []).Where(n => n is null || WebhookEventNames.Canonical(n) is null)));

    /// <summary>The stored, space-separated list: aliases resolved, each once, <c>*</c> alone when present.</summary>
    public static string Store(IEnumerable<string> events)
    {
        var names = events.Select(n => WebhookEventNames.Canonical(n.Trim())!).Distinct(StringComparer.Ordinal).ToList();
        return names.Contains(WebhookEventNames.All) ? WebhookEventNames.All : string.Join(' ', names);
    }

    /// <summary>A secret given: <c>whsec_</c> and base64 of 24-64 bytes.</summary>
    public static void Secret<T>(IRuleBuilder<T, string?> rule) => rule
        .Must(s => s is null || StandardWebhookSignature.TryValidateSecret(s, out _))
        .WithMessage((_, s) => StandardWebhookSignature.TryValidateSecret(s, out var problem) ? string.Empty : "secret is invalid: " + problem);
}

/// <summary>Rules for <see cref="CreateWebhookRequest"/> (the URL's address is checked by the endpoint, which resolves it).</summary>
internal sealed class CreateWebhookRequestValidator : AbstractValidator<CreateWebhookRequest>
{
    /// <summary>Declares the rules.</summary>
    public CreateWebhookRequestValidator()
    {
        RuleFor(r => r.Url).NotEmpty().WithMessage("url is required");
        WebhookRules.EventNames(RuleFor(r => r.Events));
        WebhookRules.Secret(RuleFor(r => r.Secret));
        RuleFor(r => r.Description).MaximumLength(500);
    }
}

/// <summary>Rules for <see cref="UpdateWebhookRequest"/> (whether fields are required depends on PUT or PATCH).</summary>
internal sealed class UpdateWebhookRequestValidator : AbstractValidator<UpdateWebhookRequest>
{
    /// <summary>Declares the rules.</summary>
    public UpdateWebhookRequestValidator()
    {
        When(r => r.Events is not null, () => WebhookRules.EventNames(RuleFor(r => r.Events)));
        RuleFor(r => r.Description).MaximumLength(500);
    }
}

/// <summary>Rules for <see cref="RotateSecretRequest"/>.</summary>
internal sealed class RotateSecretRequestValidator : AbstractValidator<RotateSecretRequest>
{
    /// <summary>Declares the rules.</summary>
    public RotateSecretRequestValidator()
    {
        WebhookRules.Secret(RuleFor(r => r.Secret));
        RuleFor(r => r.OverlapMinutes).InclusiveBetween(0, 10080);
    }
}
