using System.Text.Json.Serialization;
using Mercato.Cart.Pricing;

namespace Mercato.Cart.Carts;

/// <summary>
/// A cart line in seed 004's shape plus seed 000's per-item figures and the flags a client needs
/// to warn the shopper. <c>price</c> and <c>pricePerItem</c> are the catalog's selling price of one
/// unit now; <c>subtotal</c> is price × quantity; <c>discount</c> is this line's share of the
/// coupon discount and <c>priceAfterDiscount</c> is <c>subtotal − discount</c>.
/// </summary>
/// <param name="Id">The line's id.</param>
/// <param name="ProductId">The product.</param>
/// <param name="ProductName">Its name.</param>
/// <param name="ProductImage">Its primary image.</param>
/// <param name="Sku">Its SKU.</param>
/// <param name="Price">One unit's selling price now.</param>
/// <param name="Quantity">Units.</param>
/// <param name="Subtotal">Price × quantity (0 when the product cannot be sold).</param>
/// <param name="Discount">This line's share of the coupon discount.</param>
/// <param name="PriceAfterDiscount">Subtotal − discount.</param>
/// <param name="PricePerItem">One unit's selling price (seed 000's name).</param>
/// <param name="Available">Whether the catalog still sells the product.</param>
/// <param name="InStock">Whether the catalog has this quantity.</param>
/// <param name="AvailableStock">Units the catalog can sell now.</param>
/// <param name="PriceChanged">Whether the price changed since the quantity was chosen.</param>
/// <param name="PriceWhenAdded">The price when the quantity was chosen.</param>
/// <param name="AddedAt">When the product was put in the cart.</param>
/// <param name="UpdatedAt">When the line last changed.</param>
internal sealed record CartItemResponse(
    Guid Id,
    Guid ProductId,
    string ProductName,
    string? ProductImage,
    string Sku,
    decimal Price,
    int Quantity,
    decimal Subtotal,
    decimal Discount,
    decimal PriceAfterDiscount,
    decimal PricePerItem,
    bool Available,
    bool InStock,
    int AvailableStock,
    bool PriceChanged,
    decimal PriceWhenAdded,
    DateTime AddedAt,
    DateTime UpdatedAt)
{
    /// <summary>A guest's cart key, on the answers to a guest's writes (also in <c>X-Cart-Key</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CartKey { get; init; }

    /// <summary>Maps a quoted line.</summary>
    public static CartItemResponse From(QuotedLine line)
    {
        var item = line.Item;
        return new CartItemResponse(
            item.Id,
            item.ProductId,
            item.ProductName,
            item.ImageUrl,
            item.Sku,
            item.UnitPrice,
            item.Quantity,
            line.Subtotal,
            line.Discount,
            line.Subtotal - line.Discount,
            item.UnitPrice,
            line.Available,
            line.InStock,
            line.AvailableStock,
            line.PriceChanged,
            item.PriceWhenAdded,
            item.AddedAt,
            item.UpdatedAt);
    }
}
