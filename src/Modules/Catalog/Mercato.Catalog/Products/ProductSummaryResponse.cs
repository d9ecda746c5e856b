namespace Mercato.Catalog.Products;

/// <summary>
/// A product in seed 004's list-item shape, plus seed 000's <c>discount</c>, <c>sellPrice</c> and
/// <c>available</c>: the one shape of a product in lists and search results (<see cref="Search.SearchItemResponse"/>
/// adds the relevance score), so that clients render both with one component.
/// </summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="Slug">Slug.</param>
/// <param name="Description">Short description.</param>
/// <param name="Price">What the shopper pays.</param>
/// <param name="CompareAtPrice">List price, if any.</param>
/// <param name="Discount">Percent off the list price.</param>
/// <param name="SellPrice">What the shopper pays (seed 000's name).</param>
/// <param name="Sku">SKU.</param>
/// <param name="Category">Category.</param>
/// <param name="Images">Pictures.</param>
/// <param name="Stock">Units a shopper can buy now.</param>
/// <param name="InStock">Whether any unit can be bought.</param>
/// <param name="Available">Whether it is published.</param>
/// <param name="Rating">Average rating.</param>
/// <param name="ReviewCount">Number of reviews.</param>
/// <param name="Tags">Tags.</param>
/// <param name="Attributes">Attributes.</param>
/// <param name="CreatedAt">Created.</param>
/// <param name="UpdatedAt">Last changed.</param>
internal record ProductSummaryResponse(
    Guid Id,
    string Name,
    string Slug,
    string Description,
    decimal Price,
    decimal? CompareAtPrice,
    decimal Discount,
    decimal SellPrice,
    string Sku,
    ProductCategoryResponse? Category,
    IReadOnlyList<ProductImageResponse> Images,
    int Stock,
    bool InStock,
    bool Available,
    decimal Rating,
    int ReviewCount,
    IReadOnlyList<string> Tags,
    IReadOnlyList<ProductAttributeResponse> Attributes,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>The list item of <paramref name="product"/>.</summary>
    public static ProductSummaryResponse From(Product product, ProductCategoryResponse? category) => new(
        product.Id,
        product.Name,
        product.Slug,
        product.Description,
        product.Price,
        product.CompareAtPrice,
        product.DiscountPercent,
        product.Price,
        product.Sku,
        category,
        ProductImageResponse.From(product.Images),
        product.AvailableStock,
        product.AvailableStock > 0,
        product.Available,
        product.Rating,
        product.ReviewCount,
        product.Tags,
        ProductAttributeResponse.From(product.Attributes),
        product.CreatedAt,
        product.UpdatedAt);
}
