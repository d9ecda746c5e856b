using FluentValidation;
using Mercato.Payments.Refunds;

namespace Mercato.Payments.Capture;

/// <summary>Body of <c>POST /api/v1/payments/{id}/capture</c> (optional).</summary>
/// <param name="Amount">How much to take, at most what was authorised; everything authorised when left out. The rest is released.</param>
internal sealed record CaptureRequest(decimal? Amount = null);

/// <summary>Rules for <see cref="CaptureRequest"/>.</summary>
internal sealed class CaptureRequestValidator : AbstractValidator<CaptureRequest>
{
    /// <summary>Declares the rules.</summary>
    public CaptureRequestValidator()
    {
        RuleFor(r => r.Amount).GreaterThan(0).LessThanOrEqualTo(RefundRequestValidator.MaxAmount).PrecisionScale(12, 2, ignoreTrailingZeros: true);
    }
}
