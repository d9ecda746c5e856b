using Mercato.Cart.Contracts;
using Mercato.Cart.Data;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Cart.Carts;

/// <summary>Finds and creates carts by owner.</summary>
internal sealed class CartStore(CartDbContext db, TimeProvider time)
{
    /// <summary>The owner's cart with its lines (tracked), or null.</summary>
    public Task<ShoppingCart?> FindAsync(CartOwner owner, CancellationToken cancellationToken)
    {
        if (owner.UserId is { } userId)
        {
            return db.Carts.Include(c => c.Items).SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        }

        if (!CartKeys.IsWellFormed(owner.CartKey))
        {
            return Task.FromResult<ShoppingCart?>(null);
        }

        var hash = CartKeys.Hash(owner.CartKey!);
        return db.Carts.Include(c => c.Items).SingleOrDefaultAsync(c => c.KeyHash == hash, cancellationToken);
    }

    /// <summary>Adds an empty cart for a user (saved with the caller's changes).</summary>
    public ShoppingCart CreateForUser(Guid userId) => Add(userId, null);

    /// <summary>Adds an empty guest cart (saved with the caller's changes); returns it and its key.</summary>
    public (ShoppingCart Cart, string Key) CreateForGuest()
    {
        var key = CartKeys.New();
        return (Add(null, CartKeys.Hash(key)), key);
    }

    /// <summary>Marks a shopper's change: bumps the version (the concurrency token) and the idle clock.</summary>
    public void Touch(ShoppingCart cart)
    {
        cart.Version++;
        cart.UpdatedAt = time.GetUtcNow().UtcDateTime;
    }

    /// <summary>Removes every line and the coupon (the cart, and a guest's key, stay valid).</summary>
    public void Empty(ShoppingCart cart)
    {
        db.CartItems.RemoveRange(cart.Items);
        cart.Items.Clear();
        cart.CouponCode = null;
        Touch(cart);
    }

    private ShoppingCart Add(Guid? userId, string? keyHash)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var cart = new ShoppingCart { Id = Guid.CreateVersion7(), UserId = userId, KeyHash = keyHash, CreatedAt = now, UpdatedAt = now };
        db.Carts.Add(cart);
        return cart;
    }
}
