using FluentValidation;
using Mercato.Platform.Validation;

namespace Mercato.Support.Conversations;

/// <summary>Body of <c>POST /api/v1/support/conversations</c>: what a customer asks about, and their first message.</summary>
/// <param name="Subject">What it is about (1-200 characters, one line).</param>
/// <param name="Body">The first message (1-5000 characters).</param>
/// <param name="OrderId">One of the customer's own orders it is about, if any.</param>
internal sealed record OpenConversationRequest(string? Subject, string? Body, Guid? OrderId);

/// <summary>Rules for <see cref="OpenConversationRequest"/>.</summary>
internal sealed class OpenConversationRequestValidator : AbstractValidator<OpenConversationRequest>
{
    /// <summary>Declares the rules.</summary>
    public OpenConversationRequestValidator()
    {
        RuleFor(r => r.Subject).Must(s => !string.IsNullOrWhiteSpace(s)).WithErrorCode("NotEmptyValidator").WithMessage("'Subject' must not be empty.")
            .MaximumLength(ConversationRules.SubjectMaxLength)
            .PlainText();
        RuleFor(r => r.Body).MessageBody();
        RuleFor(r => r.OrderId).NotEqual(Guid.Empty).WithMessage("'Order Id' must be an order's id.");
    }
}
