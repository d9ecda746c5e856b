namespace Mercato.Web.Components.Storefront;

/// <summary>The coupon on a cart, checked again on every read.</summary>
/// <param name="Code">The code.</param>
/// <param name="Valid">Whether it still applies.</param>
/// <param name="Message">Why not, for a human.</param>
public sealed record CartCoupon(string Code, bool Valid, string? Message);
