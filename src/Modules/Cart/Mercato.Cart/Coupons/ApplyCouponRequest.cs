using FluentValidation;

namespace Mercato.Cart.Coupons;

/// <summary>Body of <c>POST /api/v1/cart/apply-coupon</c> (seed 004).</summary>
/// <param name="CouponCode">The code, any case.</param>
internal sealed record ApplyCouponRequest(string? CouponCode);

/// <summary>Rules for <see cref="ApplyCouponRequest"/>.</summary>
internal sealed class ApplyCouponRequestValidator : AbstractValidator<ApplyCouponRequest>
{
    /// <summary>Declares the rules.</summary>
    public ApplyCouponRequestValidator()
    {
        RuleFor(r => r.CouponCode).NotEmpty().MaximumLength(CouponCodes.MaxLength);
    }
}
