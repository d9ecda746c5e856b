namespace Mercato.Cart.Coupons;

/// <summary>
/// One order's use of a coupon; unique per order, so a retried redemption counts once. A use is
/// held until Ordering's <c>OrderPlaced</c> confirms it; one never confirmed (the order was never
/// written) is given back by <see cref="Sweep.RedemptionHoldSweep"/> after <see cref="CartOptions.RedemptionHold"/>.
/// </summary>
internal sealed class CouponRedemption
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

    /// <summary>When the order was confirmed placed (UTC); null while the use is only held.</summary>
    public DateTime? ConfirmedAt { get; set; }
}
