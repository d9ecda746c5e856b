namespace Mercato.Cart.Coupons;

/// <summary>
/// A discount code. <see cref="TimesRedeemed"/> counts uses by placed orders and only grows
/// through a conditional update that respects <see cref="UsageLimit"/>.
/// </summary>
internal sealed class Coupon
{
    /// <summary>Id (UUIDv7).</summary>
    public Guid Id { get; set; }

    /// <summary>The code shoppers type, stored in upper case; unique.</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>What the shop calls it.</summary>
    public string? Description { get; set; }

    /// <summary>Percentage or fixed amount.</summary>
    public CouponType Type { get; set; }

    /// <summary>The percentage (0–100] or the amount off.</summary>
    public decimal Value { get; set; }

    /// <summary>The smallest qualifying subtotal, if any.</summary>
    public decimal? MinimumSubtotal { get; set; }

    /// <summary>Valid from (UTC), if limited.</summary>
    public DateTime? StartsAt { get; set; }

    /// <summary>Valid until (UTC, exclusive), if limited.</summary>
    public DateTime? EndsAt { get; set; }

    /// <summary>How many orders may use it in all; null for no limit.</summary>
    public int? UsageLimit { get; set; }

    /// <summary>How many orders one customer may use it for; null for no limit.</summary>
    public int? PerCustomerLimit { get; set; }

    /// <summary>When not empty, the discount applies only to lines in these categories.</summary>
    public List<Guid> CategoryIds { get; set; } = [];

    /// <summary>Switched on.</summary>
    public bool Active { get; set; } = true;

    /// <summary>Uses by placed orders.</summary>
    public int TimesRedeemed { get; set; }

    /// <summary>Removed by an admin (kept for the redemptions that refer to it).</summary>
    public bool IsDeleted { get; set; }

    /// <summary>Created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public long Version { get; set; }
}
