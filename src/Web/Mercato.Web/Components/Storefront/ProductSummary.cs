namespace Mercato.Web.Components.Storefront;

/// <summary>A product in a list or search result (<c>GET /api/v1/products</c>, <c>/products/search</c>).</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="Slug">Slug (the product page's address).</param>
/// <param name="Price">What the shopper pays.</param>
/// <param name="CompareAtPrice">The list price, struck through when set.</param>
/// <param name="Category">Its category.</param>
/// <param name="Images">Pictures.</param>
/// <param name="Stock">Units a shopper can buy now.</param>
/// <param name="InStock">Whether any unit can be bought.</param>
/// <param name="Rating">Average rating.</param>
/// <param name="ReviewCount">Number of reviews.</param>
public sealed record ProductSummary(
    Guid Id,
    string Name,
    string Slug,
    decimal Price,
    decimal? CompareAtPrice,
    ProductCategory? Category,
    IReadOnlyList<ProductImage> Images,
    int Stock,
    bool InStock,
    decimal Rating,
    int ReviewCount);
