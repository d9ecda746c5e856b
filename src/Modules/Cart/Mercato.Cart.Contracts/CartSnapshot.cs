namespace Mercato.Cart.Contracts;

/// <summary>
/// A cart priced with the catalog's current prices and stock, as Ordering sees it at checkout.
/// Every amount is rounded to cents as described on <c>CartPricing</c>; <see cref="Total"/> is
/// <see cref="Subtotal"/> − <see cref="Discount"/> + <see cref="Tax"/> exactly.
/// </summary>
/// <param name="CartId">The cart.</param>
/// <param name="UserId">Its owner, or null for a guest cart.</param>
/// <param name="Lines">The lines, oldest first.</param>
/// <param name="Subtotal">Sum of the lines' subtotals.</param>
/// <param name="Discount">The coupon's discount (0 without a valid coupon).</param>
/// <param name="Tax">Tax on the discounted subtotal.</param>
/// <param name="Total">What the shopper pays before shipping.</param>
/// <param name="TaxRate">The tax rate applied, e.g. 0.08.</param>
/// <param name="CouponCode">The coupon that is applied and valid, if any.</param>
/// <param name="CanCheckOut">Whether every line can be bought as it stands (available, in stock, priced).</param>
public sealed record CartSnapshot(
    Guid CartId,
    Guid? UserId,
    IReadOnlyList<CartLineSnapshot> Lines,
    decimal Subtotal,
    decimal Discount,
    decimal Tax,
    decimal Total,
    decimal TaxRate,
    string? CouponCode,
    bool CanCheckOut)
{
    /// <summary>
    /// The cart's version: it changes with every write to the cart, so an order records the
    /// version it was placed from and one cart state is never ordered twice.
    /// </summary>
    public long Version { get; init; }

    /// <summary>The coupon code applied to the cart, valid or not (<see cref="CouponCode"/> names it only while it applies).</summary>
    public string? AppliedCoupon { get; init; }

    /// <summary>Why <see cref="AppliedCoupon"/> grants nothing now, readable by the shopper; null while it applies.</summary>
    public string? CouponProblem { get; init; }
}
