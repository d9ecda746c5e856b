namespace Mercato.Cart.Contracts;

/// <summary>Count one use of a coupon for an order. Retrying with the same order id is safe.</summary>
/// <param name="OrderId">The order that uses the coupon.</param>
/// <param name="CouponCode">The coupon's code (any case).</param>
/// <param name="CustomerId">The signed-in customer, for the per-customer limit.</param>
/// <param name="CustomerEmail">A guest's e-mail, for the per-customer limit when there is no customer id.</param>
public sealed record CouponRedemptionRequest(Guid OrderId, string CouponCode, Guid? CustomerId, string? CustomerEmail);
