namespace Mercato.Cart.Pricing;

/// <summary>A priced cart: per line and in all.</summary>
/// <param name="LineSubtotals">Each line's unit price × quantity (0 for an unsellable line), in line order.</param>
/// <param name="LineDiscounts">Each line's share of the discount, in line order; they add up to <paramref name="Discount"/>.</param>
/// <param name="Subtotal">Sum of the line subtotals.</param>
/// <param name="Discount">The coupon's discount.</param>
/// <param name="Tax">Tax on <paramref name="Subtotal"/> − <paramref name="Discount"/>.</param>
/// <param name="Total"><paramref name="Subtotal"/> − <paramref name="Discount"/> + <paramref name="Tax"/>.</param>
internal sealed record CartTotals(
    IReadOnlyList<decimal> LineSubtotals,
    IReadOnlyList<decimal> LineDiscounts,
    decimal Subtotal,
    decimal Discount,
    decimal Tax,
    decimal Total);
