using FluentValidation;

namespace Mercato.Payments.Methods;

/// <summary>Body of <c>POST /api/v1/payments/methods</c> (seed 004): a card token the gateway issued, never a card number.</summary>
/// <param name="Type">Always <c>card</c> (the default).</param>
/// <param name="CardToken">The gateway's token (<c>tok_visa</c>, <c>tok_mastercard</c>, <c>tok_chargeDeclined</c>, ...).</param>
/// <param name="IsDefault">Whether it becomes the default (the first saved card always does).</param>
/// <param name="Gateway">The gateway that issued the token; the configured default when left out.</param>
internal sealed record AddPaymentMethodRequest(string? Type, string? CardToken, bool? IsDefault, string? Gateway);

/// <summary>Rules for <see cref="AddPaymentMethodRequest"/>.</summary>
internal sealed class AddPaymentMethodRequestValidator : AbstractValidator<AddPaymentMethodRequest>
{
    /// <summary>Declares the rules.</summary>
    public AddPaymentMethodRequestValidator()
    {
        RuleFor(r => r.Type).Equal("card").When(r => r.Type is not null).WithMessage("'Type' must be 'card'.");
        RuleFor(r => r.CardToken).NotEmpty().MaximumLength(100).Matches("^[A-Za-z0-9_]+$").WithMessage("'Card Token' must be a gateway token such as tok_visa.");
        RuleFor(r => r.Gateway).MaximumLength(32);
    }
}
