namespace Mercato.Cart.Coupons;

/// <summary>How a coupon's value is applied.</summary>
internal enum CouponType
{
    /// <summary>A percentage of the qualifying subtotal.</summary>
    Percentage,

    /// <summary>A fixed amount off the qualifying subtotal (never more than it).</summary>
    FixedAmount,
}
