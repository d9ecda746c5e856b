namespace Mercato.Cart.Contracts;

/// <summary>Scopes of the Cart's service-only endpoints.</summary>
public static class CartScopes
{
    /// <summary>Read and clear any cart, redeem and release coupons (what Ordering needs at checkout).</summary>
    public const string Checkout = "cart.checkout";
}
