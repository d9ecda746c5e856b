using System.Text.Json;
using FluentValidation;
using Mercato.Platform.Validation;

namespace Mercato.Notifications.Api;

/// <summary>Body of <c>POST /api/v1/notifications/sms</c> (seed 004): a message as written, or a template's text.</summary>
/// <param name="To">The phone number, E.164 (<c>+14155550100</c>).</param>
/// <param name="Message">The text, when no template is named.</param>
/// <param name="TemplateId">A template key whose text part is sent.</param>
/// <param name="TemplateData">Values the template reads.</param>
/// <param name="Language">The template's language.</param>
/// <param name="UserId">The customer the message concerns.</param>
internal sealed record SendSmsRequest(
    string? To,
    string? Message,
    string? TemplateId,
    Dictionary<string, JsonElement>? TemplateData,
    string? Language,
    Guid? UserId);

/// <summary>Rules for <see cref="SendSmsRequest"/>.</summary>
internal sealed class SendSmsRequestValidator : AbstractValidator<SendSmsRequest>
{
    /// <summary>The longest text accepted (10 concatenated SMS segments).</summary>
    public const int MaxText = 1600;

    /// <summary>Declares the rules.</summary>
    public SendSmsRequestValidator()
    {
        RuleFor(r => r.To).NotEmpty().Must(t => t is not null && PhoneNumbers.IsE164(t.Trim())).WithMessage("to must be a phone number in E.164 form, such as +14155550100");
        RuleFor(r => r.Message).NotEmpty().When(r => r.TemplateId is null).WithMessage("message is required when no templateId is given");
        RuleFor(r => r.Message).MaximumLength(MaxText);
        RuleFor(r => r.TemplateId).MaximumLength(64);
        RuleFor(r => r.Language).LanguageTag();
        RuleFor(r => r.TemplateData).Must(d => d is null || d.Count <= 100).WithMessage("templateData may hold at most 100 values");
    }
}
