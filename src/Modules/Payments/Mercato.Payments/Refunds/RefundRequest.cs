using FluentValidation;
using Mercato.Platform.Validation;

namespace Mercato.Payments.Refunds;

/// <summary>Body of <c>POST /api/v1/payments/{id}/refund</c> (seed 004).</summary>
/// <param name="Amount">How much to give back; everything still held when left out.</param>
/// <param name="Reason">Why (shown in the ledger and the order's history).</param>
internal sealed record RefundRequest(decimal? Amount, string? Reason);

/// <summary>Rules for <see cref="RefundRequest"/>.</summary>
internal sealed class RefundRequestValidator : AbstractValidator<RefundRequest>
{
    /// <summary>The largest amount accepted in one refund.</summary>
    public const decimal MaxAmount = 1_000_000m;

    /// <summary>Declares the rules.</summary>
    public RefundRequestValidator()
    {
        RuleFor(r => r.Amount).GreaterThan(0).LessThanOrEqualTo(MaxAmount).PrecisionScale(12, 2, ignoreTrailingZeros: true);
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(500).PlainText();
    }
}
