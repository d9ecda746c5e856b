using FluentValidation;

namespace Mercato.Cart.Checkout;

/// <summary>Body of <c>POST /api/v1/cart/service/coupons/release</c>.</summary>
/// <param name="OrderId">The order whose coupon use is given back.</param>
internal sealed record ReleaseCouponRequest(Guid? OrderId);

/// <summary>Rules for <see cref="ReleaseCouponRequest"/>.</summary>
internal sealed class ReleaseCouponRequestValidator : AbstractValidator<ReleaseCouponRequest>
{
    /// <summary>Declares the rules.</summary>
    public ReleaseCouponRequestValidator()
    {
        RuleFor(r => r.OrderId).NotNull().NotEqual(Guid.Empty);
    }
}
