namespace Mercato.Cart.Carts;

/// <summary>Body of <c>POST /api/v1/cart/merge</c>: the guest cart's key (or send it in <c>X-Cart-Key</c>).</summary>
/// <param name="CartKey">The guest cart's key.</param>
internal sealed record MergeCartRequest(string? CartKey);
