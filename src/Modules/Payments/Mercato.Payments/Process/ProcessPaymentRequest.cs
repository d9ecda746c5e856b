using FluentValidation;
using Mercato.Payments.Checkout;

namespace Mercato.Payments.Process;

/// <summary>Body of <c>POST /api/v1/payments/process</c> (seed 004): pay an order with a saved card.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="PaymentMethodId">The saved card; the one chosen when the order was placed (seed 004's order body) when left out.</param>
/// <param name="Amount">The amount, which must be the order's total.</param>
/// <param name="Currency">ISO 4217, which must be the shop's.</param>
/// <param name="PaymentGateway">The gateway; must be the card's when given.</param>
/// <param name="ReturnUrl">Where the browser goes after a challenge that succeeded.</param>
/// <param name="CancelUrl">Where the browser goes after a challenge that failed.</param>
internal sealed record ProcessPaymentRequest(
    Guid? OrderId, Guid? PaymentMethodId, decimal? Amount, string? Currency, string? PaymentGateway, string? ReturnUrl, string? CancelUrl);

/// <summary>Rules for <see cref="ProcessPaymentRequest"/>.</summary>
internal sealed class ProcessPaymentRequestValidator : AbstractValidator<ProcessPaymentRequest>
{
    /// <summary>Declares the rules.</summary>
    public ProcessPaymentRequestValidator()
    {
        RuleFor(r => r.OrderId).NotEmpty();
        RuleFor(r => r.PaymentMethodId).NotEqual(Guid.Empty);
        RuleFor(r => r.Amount).NotNull().GreaterThan(0).LessThanOrEqualTo(1_000_000m).PrecisionScale(12, 2, ignoreTrailingZeros: true);
        RuleFor(r => r.Currency).NotEmpty().Length(3).Matches("^[A-Za-z]{3}$").WithMessage("'Currency' must be an ISO 4217 code such as USD.");
        RuleFor(r => r.PaymentGateway).MaximumLength(32);
        RuleFor(r => r.ReturnUrl).ReturnUrl();
        RuleFor(r => r.CancelUrl).ReturnUrl();
    }
}
