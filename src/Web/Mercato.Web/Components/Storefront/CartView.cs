namespace Mercato.Web.Components.Storefront;

/// <summary>The priced cart (<c>GET /api/v1/cart</c>).</summary>
/// <param name="Items">Lines.</param>
/// <param name="ItemCount">Units over all lines.</param>
/// <param name="Subtotal">Sum of the lines.</param>
/// <param name="Discount">The coupon's discount.</param>
/// <param name="Tax">Tax.</param>
/// <param name="Total">What the shopper pays.</param>
/// <param name="CouponCode">The applied coupon's code.</param>
/// <param name="Coupon">The applied coupon's state.</param>
/// <param name="CanCheckOut">Whether every line can be bought.</param>
public sealed record CartView(
    IReadOnlyList<CartLine> Items,
    int ItemCount,
    decimal Subtotal,
    decimal Discount,
    decimal Tax,
    decimal Total,
    string? CouponCode,
    CartCoupon? Coupon,
    bool CanCheckOut);
