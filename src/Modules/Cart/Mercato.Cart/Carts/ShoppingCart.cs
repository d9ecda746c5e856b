namespace Mercato.Cart.Carts;

/// <summary>
/// A cart: a signed-in user's (one per user) or a guest's, found by the SHA-256 of its key (the
/// key itself is never stored). <see cref="Version"/> guards concurrent writes.
/// </summary>
internal sealed class ShoppingCart
{
    /// <summary>Id (UUIDv7).</summary>
    public Guid Id { get; set; }

    /// <summary>The owner, or null for a guest cart.</summary>
    public Guid? UserId { get; set; }

    /// <summary>SHA-256 (hex) of a guest cart's key; null for a user's cart.</summary>
    public string? KeyHash { get; set; }

    /// <summary>The applied coupon's code (upper case), if any.</summary>
    public string? CouponCode { get; set; }

    /// <summary>The lines.</summary>
    public List<CartItem> Items { get; set; } = [];

    /// <summary>Created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Last changed by the shopper (UTC); idle carts are swept by this.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token, bumped by every write.</summary>
    public long Version { get; set; }
}
