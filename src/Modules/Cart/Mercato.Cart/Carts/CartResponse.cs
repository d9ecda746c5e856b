using Mercato.Cart.Pricing;

namespace Mercato.Cart.Carts;

/// <summary>
/// A cart in seed 004's shape, plus <c>cartKey</c> for a guest, the coupon's state and whether it
/// can be checked out. <c>total = subtotal − discount + tax</c>; lines that cannot be sold add
/// nothing to the figures.
/// </summary>
/// <param name="Id">The cart, or null when the caller has none yet.</param>
/// <param name="UserId">The owner, or null for a guest.</param>
/// <param name="CartKey">A guest's key (also in the <c>X-Cart-Key</c> header).</param>
/// <param name="Items">The lines, oldest first.</param>
/// <param name="ItemCount">Units in the cart.</param>
/// <param name="Subtotal">Sum of the line subtotals.</param>
/// <param name="Discount">The coupon's discount.</param>
/// <param name="Tax">Tax on the discounted subtotal.</param>
/// <param name="TaxRate">The tax rate (0.08 is 8%).</param>
/// <param name="Total">Subtotal − discount + tax.</param>
/// <param name="CouponCode">The coupon on the cart, if any.</param>
/// <param name="Coupon">The coupon's state, if any.</param>
/// <param name="CanCheckOut">Whether every line can be bought as it stands.</param>
/// <param name="UpdatedAt">When the shopper last changed the cart.</param>
internal sealed record CartResponse(
    Guid? Id,
    Guid? UserId,
    string? CartKey,
    IReadOnlyList<CartItemResponse> Items,
    int ItemCount,
    decimal Subtotal,
    decimal Discount,
    decimal Tax,
    decimal TaxRate,
    decimal Total,
    string? CouponCode,
    CartCouponResponse? Coupon,
    bool CanCheckOut,
    DateTime? UpdatedAt)
{
    /// <summary>Maps a quote; <paramref name="cartKey"/> is the guest's key, if a guest asks.</summary>
    public static CartResponse From(CartQuote quote, string? cartKey) => new(
        quote.Cart.Id,
        quote.Cart.UserId,
        cartKey,
        quote.Lines.Select(CartItemResponse.From).ToList(),
        quote.ItemCount,
        quote.Totals.Subtotal,
        quote.Totals.Discount,
        quote.Totals.Tax,
        quote.TaxRate,
        quote.Totals.Total,
        quote.Cart.CouponCode,
        quote.Coupon is { } coupon ? CartCouponResponse.From(coupon) : null,
        quote.CanCheckOut,
        quote.Cart.UpdatedAt);

    /// <summary>The empty cart of a caller who has none yet.</summary>
    public static CartResponse Empty(Guid? userId, decimal taxRate) => new(null, userId, null, [], 0, 0m, 0m, 0m, taxRate, 0m, null, null, false, null);
}
