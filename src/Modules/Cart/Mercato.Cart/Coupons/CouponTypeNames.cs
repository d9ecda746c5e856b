namespace Mercato.Cart.Coupons;

/// <summary>The API's names of coupon types (seed 004's <c>discountType</c>).</summary>
internal static class CouponTypeNames
{
    /// <summary>A percentage off.</summary>
    public const string Percentage = "percentage";

    /// <summary>A fixed amount off.</summary>
    public const string Fixed = "fixed";

    /// <summary>The name of <paramref name="type"/>.</summary>
    public static string Of(CouponType type) => type == CouponType.Percentage ? Percentage : Fixed;

    /// <summary>Parses a name (any case); null when unknown.</summary>
    public static CouponType? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        Percentage => CouponType.Percentage,
        Fixed or "fixed_amount" or "fixedamount" => CouponType.FixedAmount,
        _ => null,
    };
}
