using Mercato.Cart.Coupons;
using Mercato.Cart.Pricing;

namespace Mercato.Cart.Carts;

/// <summary>The coupon on a cart and whether it applies now.</summary>
/// <param name="Code">The code.</param>
/// <param name="DiscountType"><c>percentage</c> or <c>fixed</c>, when the coupon exists.</param>
/// <param name="DiscountValue">The percentage or amount, when the coupon exists.</param>
/// <param name="Valid">Whether the discount is granted now.</param>
/// <param name="Reason">Why not (<c>expired</c>, <c>minimumNotMet</c>...), when not.</param>
/// <param name="Message">Why not, for the shopper, when not.</param>
internal sealed record CartCouponResponse(string Code, string? DiscountType, decimal? DiscountValue, bool Valid, string? Reason, string? Message)
{
    /// <summary>Maps the cart's coupon status.</summary>
    public static CartCouponResponse From(CouponStatus status) => new(
        status.Code,
        status.Coupon is { } c ? CouponTypeNames.Of(c.Type) : null,
        status.Coupon?.Value,
        status.Valid,
        status.Refusal is { } r ? CouponRules.Name(r) : null,
        status.Message);
}
