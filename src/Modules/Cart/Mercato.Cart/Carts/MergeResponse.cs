namespace Mercato.Cart.Carts;

/// <summary>The user's cart after a merge, and the guest lines that were capped or left out.</summary>
/// <param name="Cart">The merged cart.</param>
/// <param name="Adjustments">What could not be merged in full.</param>
internal sealed record MergeResponse(CartResponse Cart, IReadOnlyList<MergeAdjustment> Adjustments);
