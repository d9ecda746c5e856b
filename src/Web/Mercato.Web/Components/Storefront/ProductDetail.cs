namespace Mercato.Web.Components.Storefront;

/// <summary>A product as <c>GET /api/v1/products/{slug}</c> answers it.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="Slug">Slug.</param>
/// <param name="Description">Short description.</param>
/// <param name="LongDescription">Long description.</param>
/// <param name="Price">What the shopper pays.</param>
/// <param name="CompareAtPrice">The list price.</param>
/// <param name="Sku">SKU.</param>
/// <param name="Category">Its category.</param>
/// <param name="Images">Pictures.</param>
/// <param name="Stock">Units a shopper can buy now.</param>
/// <param name="InStock">Whether any unit can be bought.</param>
/// <param name="Rating">Average rating.</param>
/// <param name="ReviewCount">Number of reviews.</param>
/// <param name="Attributes">Attributes.</param>
/// <param name="Available">Whether the product is published in the shop.</param>
public sealed record ProductDetail(
    Guid Id,
    string Name,
    string Slug,
    string Description,
    string? LongDescription,
    decimal Price,
    decimal? CompareAtPrice,
    string Sku,
    ProductCategory? Category,
    IReadOnlyList<ProductImage> Images,
    int Stock,
    bool InStock,
    decimal Rating,
    int ReviewCount,
    IReadOnlyList<ProductAttribute> Attributes,
    bool Available = true);
