namespace Mercato.Cart.Coupons;

/// <summary>Seed 004's answer to applying a coupon: the coupon and the cart's new figures.</summary>
/// <param name="CouponCode">The code.</param>
/// <param name="DiscountType"><c>percentage</c> or <c>fixed</c>.</param>
/// <param name="DiscountValue">The percentage or amount.</param>
/// <param name="DiscountAmount">What it takes off this cart.</param>
/// <param name="Subtotal">The cart's subtotal.</param>
/// <param name="Discount">The cart's discount (= <paramref name="DiscountAmount"/>).</param>
/// <param name="Tax">Tax on the discounted subtotal.</param>
/// <param name="Total">Subtotal − discount + tax.</param>
internal sealed record AppliedCouponResponse(
    string CouponCode, string DiscountType, decimal DiscountValue, decimal DiscountAmount, decimal Subtotal, decimal Discount, decimal Tax, decimal Total);
