namespace Mercato.Catalog.Products;

/// <summary>
/// A product in seed 004's detail shape, plus seed 000's <c>discount</c> and <c>sellPrice</c>
/// (<c>price</c> is what the shopper pays, so <c>sellPrice</c> equals it).
/// </summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="Slug">Slug.</param>
/// <param name="Description">Short description.</param>
/// <param name="LongDescription">Long description.</param>
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
/// <param name="Reviews">The latest five reviews.</param>
/// <param name="Tags">Tags.</param>
/// <param name="Attributes">Attributes.</param>
/// <param name="Specifications">Specifications.</param>
/// <param name="RelatedProducts">Related product ids.</param>
/// <param name="CreatedAt">Created.</param>
/// <param name="UpdatedAt">Last changed.</param>
internal sealed record ProductResponse(
    Guid Id,
    string Name,
    string Slug,
    string Description,
    string? LongDescription,
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
    IReadOnlyList<ProductReviewResponse> Reviews,
    IReadOnlyList<string> Tags,
    IReadOnlyList<ProductAttributeResponse> Attributes,
    IReadOnlyDictionary<string, string> Specifications,
    IReadOnlyList<Guid> RelatedProducts,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>The detail of <paramref name="product"/>.</summary>
    public static ProductResponse From(Product product, ProductCategoryResponse? category, IReadOnlyList<ProductReviewResponse> reviews) => new(
        product.Id,
        product.Name,
        product.Slug,
        product.Description,
        product.LongDescription,
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
        reviews,
        product.Tags,
        ProductAttributeResponse.From(product.Attributes),
        product.Specifications,
        product.RelatedProductIds,
        product.CreatedAt,
        product.UpdatedAt);
}
