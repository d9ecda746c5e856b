namespace Mercato.Cart.Carts;

/// <summary>A cart opened for a write, with the guest's key (new or as sent) when it is a guest cart.</summary>
/// <param name="Cart">The cart (tracked; new carts are saved with the write).</param>
/// <param name="CartKey">The guest's key, or null for a user's cart.</param>
internal sealed record OpenedCart(ShoppingCart Cart, string? CartKey);
