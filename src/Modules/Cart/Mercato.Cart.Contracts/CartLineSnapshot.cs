namespace Mercato.Cart.Contracts;

/// <summary>One priced line of a <see cref="CartSnapshot"/>.</summary>
/// <param name="ItemId">The line's id.</param>
/// <param name="ProductId">The product.</param>
/// <param name="Name">The product's name now.</param>
/// <param name="Sku">Its SKU now.</param>
/// <param name="ImageUrl">Its primary image.</param>
/// <param name="UnitPrice">What one unit costs now (the catalog's selling price).</param>
/// <param name="Quantity">Units.</param>
/// <param name="Subtotal"><paramref name="UnitPrice"/> × <paramref name="Quantity"/>.</param>
/// <param name="Discount">This line's share of the coupon's discount.</param>
/// <param name="Total"><paramref name="Subtotal"/> − <paramref name="Discount"/>.</param>
/// <param name="Available">Whether the product can still be sold.</param>
/// <param name="AvailableStock">Units the catalog can sell now.</param>
public sealed record CartLineSnapshot(
    Guid ItemId,
    Guid ProductId,
    string Name,
    string Sku,
    string? ImageUrl,
    decimal UnitPrice,
    int Quantity,
    decimal Subtotal,
    decimal Discount,
    decimal Total,
    bool Available,
    int AvailableStock);
