namespace Mercato.Cart.Contracts;

/// <summary>Why a coupon cannot be used.</summary>
public enum CouponRefusal
{
    /// <summary>No coupon has this code.</summary>
    Unknown,

    /// <summary>The coupon is switched off.</summary>
    Inactive,

    /// <summary>The coupon's start date is in the future.</summary>
    NotStarted,

    /// <summary>The coupon's end date has passed.</summary>
    Expired,

    /// <summary>The coupon has been used as often as it may be.</summary>
    Exhausted,

    /// <summary>This customer has used the coupon as often as one customer may.</summary>
    CustomerLimitReached,

    /// <summary>The cart's subtotal is below the coupon's minimum.</summary>
    MinimumNotMet,

    /// <summary>No line of the cart is in the coupon's categories.</summary>
    NoQualifyingItems,
}
