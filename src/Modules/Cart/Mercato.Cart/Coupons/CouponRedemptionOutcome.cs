using Mercato.Cart.Contracts;

namespace Mercato.Cart.Coupons;

/// <summary>What <see cref="CouponRedemptions.RedeemAsync"/> decided, with the coupon it read (for a refusal's wording).</summary>
/// <param name="Result">The answer a caller gets.</param>
/// <param name="Code">The code as the caller sent it (trimmed).</param>
/// <param name="Coupon">The coupon, when one has the code.</param>
internal sealed record CouponRedemptionOutcome(CouponRedemptionResult Result, string Code, Coupon? Coupon);
