using Mercato.Cart.Contracts;
using Mercato.Cart.Coupons;

namespace Mercato.Cart.Pricing;

/// <summary>The cart's coupon and whether it applies now.</summary>
/// <param name="Code">The code on the cart.</param>
/// <param name="Coupon">The coupon, or null when it no longer exists.</param>
/// <param name="Refusal">Why it does not apply now, or null when it does.</param>
internal sealed record CouponStatus(string Code, Coupon? Coupon, CouponRefusal? Refusal)
{
    /// <summary>Whether the discount is granted.</summary>
    public bool Valid => Coupon is not null && Refusal is null;

    /// <summary>Why not, for the shopper; null when valid.</summary>
    public string? Message => Refusal is { } refusal ? CouponRules.Describe(refusal, Code, Coupon) : null;
}
