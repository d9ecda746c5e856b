using System.Net.Mail;
using System.Text.Json;
using FluentValidation;
using Mercato.Platform.Validation;

namespace Mercato.Notifications.Api;

/// <summary>
/// Body of <c>POST /api/v1/notifications/email</c> (seed 004): a template with its data, or a
/// subject and a body as written.
/// </summary>
/// <param name="To">The recipient's e-mail address.</param>
/// <param name="Subject">The subject; with a template, replaces the template's subject.</param>
/// <param name="TemplateId">A template key (<c>order-shipped</c>; seed 004's <c>order-confirmation</c> is <c>order-placed</c>).</param>
/// <param name="TemplateData">Values the template reads, at its root (<c>{{ orderNumber }}</c>) and under <c>data</c>.</param>
/// <param name="Body">The plain-text body, when no template is named.</param>
/// <param name="Html">An HTML body besides the text, when no template is named.</param>
/// <param name="Language">The template's language (default: the shop's).</param>
/// <param name="UserId">The customer the message concerns, who may then read it in their history.</param>
internal sealed record SendEmailRequest(
    string? To,
    string? Subject,
    string? TemplateId,
    Dictionary<string, JsonElement>? TemplateData,
    string? Body,
    string? Html,
    string? Language,
    Guid? UserId);

/// <summary>Rules for <see cref="SendEmailRequest"/>.</summary>
internal sealed class SendEmailRequestValidator : AbstractValidator<SendEmailRequest>
{
    /// <summary>The largest body accepted.</summary>
    public const int MaxBody = 100_000;

    /// <summary>Declares the rules.</summary>
    public SendEmailRequestValidator()
    {
        RuleFor(r => r.To).NotEmpty().MaximumLength(320).Must(BeAnAddress).WithMessage("to must be an e-mail address");
        RuleFor(r => r.Subject).MaximumLength(500).PlainText();
        RuleFor(r => r.Subject).NotEmpty().When(r => r.TemplateId is null).WithMessage("subject is required when no templateId is given");
        RuleFor(r => r.Body).NotEmpty().When(r => r.TemplateId is null).WithMessage("body is required when no templateId is given");
        RuleFor(r => r.Body).MaximumLength(MaxBody);
        RuleFor(r => r.Html).MaximumLength(MaxBody);
        RuleFor(r => r.TemplateId).MaximumLength(64);
        RuleFor(r => r.Language).LanguageTag();
        RuleFor(r => r.TemplateData).Must(d => d is null || d.Count <= 100).WithMessage("templateData may hold at most 100 values");
    }

    /// <summary>Whether <paramref name="value"/> is exactly one plain e-mail address.</summary>
    public static bool BeAnAddress(string? value)
        => value is not null && MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && address.DisplayName.Length == 0;
}
