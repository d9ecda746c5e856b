using Mercato.Cart.Carts;

namespace Mercato.Cart.Pricing;

/// <summary>A cart line with its price figures and what the catalog says of it now.</summary>
/// <param name="Item">The stored line (refreshed from the catalog).</param>
/// <param name="Subtotal">Unit price × quantity (0 when the product cannot be sold).</param>
/// <param name="Discount">The line's share of the coupon discount.</param>
/// <param name="AvailableStock">Units the catalog can sell now.</param>
internal sealed record QuotedLine(CartItem Item, decimal Subtotal, decimal Discount, int AvailableStock)
{
    /// <summary>Whether the catalog still sells the product.</summary>
    public bool Available => Item.Available;

    /// <summary>Whether the catalog has the line's quantity.</summary>
    public bool InStock => Item.Available && AvailableStock >= Item.Quantity;

    /// <summary>Whether the price differs from the one shown when the quantity was chosen.</summary>
    public bool PriceChanged => Item.UnitPrice != Item.PriceWhenAdded;
}
