namespace Mercato.Cart.Coupons;

/// <summary>A coupon as administrators see it.</summary>
/// <param name="Id">Id.</param>
/// <param name="Code">The code (upper case).</param>
/// <param name="Description">What the shop calls it.</param>
/// <param name="DiscountType"><c>percentage</c> or <c>fixed</c>.</param>
/// <param name="DiscountValue">The percentage or the amount off.</param>
/// <param name="MinimumSubtotal">The smallest qualifying subtotal, if any.</param>
/// <param name="StartsAt">Valid from, if limited.</param>
/// <param name="EndsAt">Valid until (exclusive), if limited.</param>
/// <param name="UsageLimit">How many orders may use it in all, if limited.</param>
/// <param name="PerCustomerLimit">How many orders one customer may use it for, if limited.</param>
/// <param name="TimesRedeemed">Uses by placed orders.</param>
/// <param name="CategoryIds">The categories it is limited to (empty: every category).</param>
/// <param name="Active">Switched on.</param>
/// <param name="CreatedAt">Created.</param>
/// <param name="UpdatedAt">Last changed.</param>
internal sealed record CouponResponse(
    Guid Id,
    string Code,
    string? Description,
    string DiscountType,
    decimal DiscountValue,
    decimal? MinimumSubtotal,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    int? UsageLimit,
    int? PerCustomerLimit,
    int TimesRedeemed,
    IReadOnlyList<Guid> CategoryIds,
    bool Active,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Maps a stored coupon.</summary>
    public static CouponResponse From(Coupon coupon) => new(
        coupon.Id,
        coupon.Code,
        coupon.Description,
        CouponTypeNames.Of(coupon.Type),
        coupon.Value,
        coupon.MinimumSubtotal,
        coupon.StartsAt,
        coupon.EndsAt,
        coupon.UsageLimit,
        coupon.PerCustomerLimit,
        coupon.TimesRedeemed,
        [.. coupon.CategoryIds],
        coupon.Active,
        coupon.CreatedAt,
        coupon.UpdatedAt);
}
