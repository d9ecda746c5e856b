using Mercato.Cart.Coupons;

namespace Mercato.Cart.Pricing;

/// <summary>What the pricing needs of a valid coupon.</summary>
/// <param name="Type">Percentage or fixed amount.</param>
/// <param name="Value">The percentage or the amount.</param>
/// <param name="CategoryIds">When not empty, only lines in these categories are discounted.</param>
internal sealed record CouponTerms(CouponType Type, decimal Value, IReadOnlyCollection<Guid> CategoryIds)
{
    /// <summary>Whether a line in <paramref name="categoryId"/> is discounted.</summary>
    public bool Covers(Guid categoryId) => CategoryIds.Count == 0 || CategoryIds.Contains(categoryId);
}
