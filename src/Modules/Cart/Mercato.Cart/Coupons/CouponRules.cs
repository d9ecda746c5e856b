using Mercato.Cart.Contracts;
using Mercato.Cart.Pricing;

namespace Mercato.Cart.Coupons;

/// <summary>
/// Whether a coupon can be used now, and for a given cart. The per-customer limit needs the
/// customer's redemptions, so it is checked where they are counted (<see cref="CouponRedemptions"/>).
/// </summary>
internal static class CouponRules
{
    /// <summary>The coupon's own state at <paramref name="now"/>: switched on, within its dates, not used up.</summary>
    public static CouponRefusal? CheckState(Coupon coupon, DateTime now)
    {
        if (!coupon.Active || coupon.IsDeleted)
        {
            return coupon.IsDeleted ? CouponRefusal.Unknown : CouponRefusal.Inactive;
        }

        if (coupon.StartsAt is { } starts && now < starts)
        {
            return CouponRefusal.NotStarted;
        }

        if (coupon.EndsAt is { } ends && now >= ends)
        {
            return CouponRefusal.Expired;
        }

        return coupon.UsageLimit is { } limit && coupon.TimesRedeemed >= limit ? CouponRefusal.Exhausted : null;
    }

    /// <summary>Whether the cart qualifies: its sellable subtotal reaches the minimum and a line is in the coupon's categories.</summary>
    public static CouponRefusal? CheckCart(Coupon coupon, IReadOnlyList<PricingLine> lines)
    {
        var sellable = lines.Where(l => l.Sellable).ToList();
        if (coupon.MinimumSubtotal is { } minimum && sellable.Sum(l => l.UnitPrice * l.Quantity) < minimum)
        {
            return CouponRefusal.MinimumNotMet;
        }

        return sellable.Any(l => coupon.CategoryIds.Count == 0 || coupon.CategoryIds.Contains(l.CategoryId))
            ? null
            : CouponRefusal.NoQualifyingItems;
    }

    /// <summary>A sentence a shopper can read.</summary>
    public static string Describe(CouponRefusal refusal, string code, Coupon? coupon = null) => refusal switch
    {
        CouponRefusal.Unknown => $"Coupon '{code}' does not exist",
        CouponRefusal.Inactive => $"Coupon '{code}' is not active",
        CouponRefusal.NotStarted => $"Coupon '{code}' is not valid before {coupon?.StartsAt:yyyy-MM-dd HH:mm} UTC",
        CouponRefusal.Expired => $"Coupon '{code}' expired on {coupon?.EndsAt:yyyy-MM-dd HH:mm} UTC",
        CouponRefusal.Exhausted => $"Coupon '{code}' has been used up",
        CouponRefusal.CustomerLimitReached => $"You have already used coupon '{code}' as often as allowed",
        CouponRefusal.MinimumNotMet => $"Coupon '{code}' needs a subtotal of at least {coupon?.MinimumSubtotal:0.00}",
        CouponRefusal.NoQualifyingItems => $"Coupon '{code}' does not apply to any product in your cart",
        _ => $"Coupon '{code}' cannot be used",
    };

    /// <summary>The refusal's name in responses (<c>expired</c>, <c>customerLimitReached</c>...).</summary>
    public static string Name(CouponRefusal refusal)
    {
        var name = refusal.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>Whether the refusal is about the coupon's use count (409) rather than the request (400).</summary>
    public static bool IsConflict(CouponRefusal refusal) => refusal is CouponRefusal.Exhausted or CouponRefusal.CustomerLimitReached;
}
