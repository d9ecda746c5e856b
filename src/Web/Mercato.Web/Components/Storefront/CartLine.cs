namespace Mercato.Web.Components.Storefront;

/// <summary>A line of the cart as the Cart API prices it.</summary>
/// <param name="Id">Line id.</param>
/// <param name="ProductId">The product.</param>
/// <param name="ProductName">Its name.</param>
/// <param name="ProductImage">Its picture.</param>
/// <param name="Sku">SKU.</param>
/// <param name="Price">Unit price now.</param>
/// <param name="Quantity">Units.</param>
/// <param name="Subtotal">Price × quantity (0 when it cannot be sold).</param>
/// <param name="Discount">The line's share of the coupon's discount.</param>
/// <param name="Available">Whether the product is still sold.</param>
/// <param name="InStock">Whether any unit is in stock.</param>
/// <param name="AvailableStock">Units in stock.</param>
/// <param name="PriceChanged">Whether the price changed since the quantity was chosen.</param>
/// <param name="PriceWhenAdded">The price then.</param>
public sealed record CartLine(
    Guid Id,
    Guid ProductId,
    string ProductName,
    string? ProductImage,
    string Sku,
    decimal Price,
    int Quantity,
    decimal Subtotal,
    decimal Discount,
    bool Available,
    bool InStock,
    int AvailableStock,
    bool PriceChanged,
    decimal PriceWhenAdded);
