namespace Mercato.Cart.Contracts;

/// <summary>
/// The Cart as other modules (Ordering) call it: in-process when co-hosted, over HTTP with a
/// service token carrying <see cref="CartScopes.Checkout"/> otherwise.
/// </summary>
public interface ICartClient
{
    /// <summary>The owner's cart priced with the catalog's current prices, or null when there is none.</summary>
    Task<CartSnapshot?> GetCartAsync(CartOwner owner, CancellationToken cancellationToken);

    /// <summary>Empties the owner's cart (a guest cart is removed); false when there was no cart.</summary>
    Task<bool> ClearCartAsync(CartOwner owner, CancellationToken cancellationToken);

    /// <summary>Counts one use of a coupon for an order, within its limits; idempotent per order id.</summary>
    Task<CouponRedemptionResult> RedeemCouponAsync(CouponRedemptionRequest request, CancellationToken cancellationToken);

    /// <summary>Gives back an order's coupon use (the order was not placed or was cancelled); idempotent.</summary>
    Task ReleaseCouponAsync(Guid orderId, CancellationToken cancellationToken);
}
