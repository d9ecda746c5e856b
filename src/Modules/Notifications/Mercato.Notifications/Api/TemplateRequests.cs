using System.Text.Json;
using FluentValidation;
using Mercato.Platform.Validation;

namespace Mercato.Notifications.Api;

/// <summary>Body of <c>PUT /api/v1/notifications/templates/{key}</c>: the three Liquid parts in one language.</summary>
/// <param name="Language">The language (default: the shop's).</param>
/// <param name="Subject">The e-mail subject.</param>
/// <param name="Text">The plain-text body (and the SMS text).</param>
/// <param name="Html">The HTML body.</param>
internal sealed record SaveTemplateRequest(string? Language, string? Subject, string? Text, string? Html);

/// <summary>Body of <c>POST /api/v1/notifications/templates/{key}/preview</c>: optionally a draft, and data on top of the sample.</summary>
/// <param name="Language">The language (default: the shop's).</param>
/// <param name="Subject">A draft subject; the saved one when left out.</param>
/// <param name="Text">A draft text; the saved one when left out.</param>
/// <param name="Html">A draft HTML body; the saved one when left out.</param>
/// <param name="Data">Values laid over the template's sample data.</param>
internal sealed record PreviewTemplateRequest(string? Language, string? Subject, string? Text, string? Html, Dictionary<string, JsonElement>? Data);

/// <summary>Body of <c>POST /api/v1/notifications/templates/{key}/test</c>: where to send the sample message.</summary>
/// <param name="To">The e-mail address.</param>
/// <param name="Language">The language (default: the shop's).</param>
internal sealed record TestTemplateRequest(string? To, string? Language);

/// <summary>Rules for <see cref="SaveTemplateRequest"/>: each part present, bounded and valid Liquid.</summary>
internal sealed class SaveTemplateRequestValidator : AbstractValidator<SaveTemplateRequest>
{
    /// <summary>The largest part accepted.</summary>
    public const int MaxPart = 100_000;

    /// <summary>Declares the rules.</summary>
    public SaveTemplateRequestValidator()
    {
        RuleFor(r => r.Language).LanguageTag();
        RuleFor(r => r.Subject).NotEmpty().MaximumLength(2000).LiquidTemplate();
        RuleFor(r => r.Text).NotEmpty().MaximumLength(MaxPart).LiquidTemplate();
        RuleFor(r => r.Html).NotEmpty().MaximumLength(MaxPart).LiquidTemplate();
    }
}

/// <summary>Rules for <see cref="PreviewTemplateRequest"/>.</summary>
internal sealed class PreviewTemplateRequestValidator : AbstractValidator<PreviewTemplateRequest>
{
    /// <summary>Declares the rules.</summary>
    public PreviewTemplateRequestValidator()
    {
        RuleFor(r => r.Language).LanguageTag();
        RuleFor(r => r.Subject).MaximumLength(2000).LiquidTemplate();
        RuleFor(r => r.Text).MaximumLength(SaveTemplateRequestValidator.MaxPart).LiquidTemplate();
        RuleFor(r => r.Html).MaximumLength(SaveTemplateRequestValidator.MaxPart).LiquidTemplate();
        RuleFor(r => r.Data).Must(d => d is null || d.Count <= 100).WithMessage("data may hold at most 100 values");
    }
}

/// <summary>Rules for <see cref="TestTemplateRequest"/>.</summary>
internal sealed class TestTemplateRequestValidator : AbstractValidator<TestTemplateRequest>
{
    /// <summary>Declares the rules.</summary>
    public TestTemplateRequestValidator()
    {
        RuleFor(r => r.To).NotEmpty().MaximumLength(320).Must(SendEmailRequestValidator.BeAnAddress).WithMessage("to must be an e-mail address");
        RuleFor(r => r.Language).LanguageTag();
    }
}
