using Mercato.Cart.Carts;
using Mercato.Cart.Contracts;
using Mercato.Cart.Data;
using Mercato.Cart.Pricing;
using Mercato.Platform.Persistence;

namespace Mercato.Cart.Checkout;

/// <summary>
/// Any shopper's cart as Ordering needs it at checkout: priced with the catalog's current prices
/// and stock (<see cref="CartQuoter"/>), and emptied once the order is placed.
/// </summary>
internal sealed class CheckoutCarts(CartDbContext db, CartStore store, CartQuoter quoter, ConcurrentWrites writes)
{
    /// <summary>The owner's cart priced now, or null when there is none.</summary>
    /// <exception cref="ArgumentException">The owner names neither or both of a user id and a cart key.</exception>
    public async Task<CartSnapshot?> GetAsync(CartOwner owner, CancellationToken cancellationToken)
    {
        Check(owner);
        var cart = await store.FindAsync(owner, cancellationToken);
        return cart is null ? null : Snapshot(await quoter.QuoteAsync(cart, cancellationToken));
    }

    /// <summary>Removes every line and the coupon from the owner's cart (the cart and a guest's key stay valid); false when there is no cart.</summary>
    /// <exception cref="ArgumentException">The owner names neither or both of a user id and a cart key.</exception>
    /// <exception cref="InvalidOperationException">The shopper kept changing the cart at the same moment.</exception>
    public Task<bool> ClearAsync(CartOwner owner, CancellationToken cancellationToken)
    {
        Check(owner);
        return writes.RetryAsync(db, async () =>
        {
            var cart = await store.FindAsync(owner, cancellationToken);
            if (cart is null)
            {
                return false;
            }

            store.Empty(cart);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, conflict => throw new InvalidOperationException(CartConflicts.Message, conflict), cancellationToken);
    }

    /// <summary>Maps a quote to the contract's snapshot; the coupon is named only when it applies.</summary>
    public static CartSnapshot Snapshot(CartQuote quote) => new(
        quote.Cart.Id,
        quote.Cart.UserId,
        [.. quote.Lines.Select(l => new CartLineSnapshot(
            l.Item.Id,
            l.Item.ProductId,
            l.Item.ProductName,
            l.Item.Sku,
            l.Item.ImageUrl,
            l.Item.UnitPrice,
            l.Item.Quantity,
            l.Subtotal,
            l.Discount,
            l.Subtotal - l.Discount,
            l.Available,
            l.AvailableStock))],
        quote.Totals.Subtotal,
        quote.Totals.Discount,
        quote.Totals.Tax,
        quote.Totals.Total,
        quote.TaxRate,
        quote.Coupon is { Valid: true } coupon ? coupon.Coupon!.Code : null,
        quote.CanCheckOut)
    {
        Version = quote.Cart.Version,
        AppliedCoupon = quote.Coupon?.Code,
        CouponProblem = quote.Coupon is { Valid: false } problem ? problem.Message ?? "The coupon no longer applies" : null,
    };

    private static void Check(CartOwner owner)
    {
        if ((owner.UserId is null) == (owner.CartKey is null))
        {
            throw new ArgumentException("A cart owner is a user id or a cart key, not both and not neither.", nameof(owner));
        }
    }
}
