using Mercato.Cart.Coupons;

namespace Mercato.Cart.Pricing;

/// <summary>
/// The cart's arithmetic, the same for the shopper's cart, the service read and Ordering:
/// <list type="number">
/// <item>line subtotal = unit price × quantity (exact); unsellable lines count 0;</item>
/// <item>discount: a percentage of the qualifying lines' subtotal rounded to cents, or a fixed
/// amount capped at that subtotal;</item>
/// <item>the discount is shared among the qualifying lines in proportion to their subtotals,
/// each share rounded down to cents and the leftover cents given to the lines with the largest
/// remainders (ties: earlier line first), so the shares add up to the discount exactly;</item>
/// <item>tax = (subtotal − discount) × rate, rounded to cents;</item>
/// <item>total = subtotal − discount + tax.</item>
/// </list>
/// Rounding is <see cref="Money.Round"/> (half away from zero) everywhere.
/// </summary>
internal static class CartPricing
{
    /// <summary>Prices <paramref name="lines"/> with an optional valid coupon and the tax rate.</summary>
    public static CartTotals Price(IReadOnlyList<PricingLine> lines, CouponTerms? coupon, decimal taxRate)
    {
        var subtotals = lines.Select(l => l.Sellable ? l.UnitPrice * l.Quantity : 0m).ToArray();
        var subtotal = subtotals.Sum();
        var qualifies = lines.Select(l => coupon is not null && l.Sellable && coupon.Covers(l.CategoryId)).ToArray();
        var qualifying = subtotals.Where((_, i) => qualifies[i]).Sum();
        var discount = coupon is null || qualifying == 0m
            ? 0m
            : coupon.Type == CouponType.Percentage
                ? Money.Round(qualifying * coupon.Value / 100m)
                : Math.Min(coupon.Value, qualifying);
        var shares = Share(discount, subtotals, qualifies, qualifying);
        var tax = Money.Round((subtotal - discount) * taxRate);
        return new CartTotals(subtotals, shares, subtotal, discount, tax, subtotal - discount + tax);
    }

    private static decimal[] Share(decimal discount, decimal[] subtotals, bool[] qualifies, decimal qualifying)
    {
        var shares = new decimal[subtotals.Length];
        if (discount == 0m)
        {
            return shares;
        }

        var remainders = new List<(int Index, decimal Remainder)>();
        for (var i = 0; i < subtotals.Length; i++)
        {
            if (!qualifies[i])
            {
                continue;
            }

            var exact = discount * subtotals[i] / qualifying;
            shares[i] = Math.Floor(exact * 100m) / 100m;
            remainders.Add((i, exact - shares[i]));
        }

        var leftoverCents = (int)((discount - shares.Sum()) * 100m);
        foreach (var (index, _) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take(leftoverCents))
        {
            shares[index] += 0.01m;
        }

        return shares;
    }
}
