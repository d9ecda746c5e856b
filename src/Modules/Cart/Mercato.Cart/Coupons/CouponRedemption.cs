namespace Mercato.Cart.Coupons;

/// <summary>One order's use of a coupon; unique per order, so a retried redemption counts once.</summary>
public sealed class CouponRedemption
{
    /// <summary>Id (UUIDv7).</summary>
    public Guid Id { get; set; }

    /// <summary>The coupon.</summary>
    public Guid CouponId { get; set; }

    /// <summary>The order.</summary>
    public Guid OrderId { get; set; }

    /// <summary>Who used it: <c>user:{id}</c> or <c>email:{lower-case address}</c>.</summary>
    public string CustomerKey { get; set; } = string.Empty;

    /// <summary>When (UTC).</summary>
    public DateTime RedeemedAt { get; set; }
}
