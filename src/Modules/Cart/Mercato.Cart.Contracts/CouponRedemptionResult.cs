namespace Mercato.Cart.Contracts;

/// <summary>The outcome of a coupon redemption.</summary>
/// <param name="Redeemed">Whether the use was counted (or had already been counted for this order).</param>
/// <param name="Refusal">Why not, when not.</param>
/// <param name="Message">A sentence a shopper can read.</param>
public sealed record CouponRedemptionResult(bool Redeemed, CouponRefusal? Refusal, string Message);
