namespace Mercato.Web.Components.Admin.Catalog;

/// <summary>A product as the dashboard shows it (the API's list item or detail).</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="Slug">URL name.</param>
/// <param name="Sku">SKU.</param>
/// <param name="Description">Short description.</param>
/// <param name="LongDescription">Long description (detail only).</param>
/// <param name="Price">What the shopper pays.</param>
/// <param name="CompareAtPrice">List price.</param>
/// <param name="Category">Its category.</param>
/// <param name="Images">Pictures.</param>
/// <param name="Stock">Units a shopper can buy now.</param>
/// <param name="Available">Published.</param>
/// <param name="Tags">Tags.</param>
/// <param name="Attributes">Attributes.</param>
/// <param name="Specifications">Specifications (detail only).</param>
/// <param name="RelatedProducts">Related product ids (detail only).</param>
/// <param name="UpdatedAt">Last changed.</param>
internal sealed record AdminProduct(
    Guid Id,
    string Name,
    string Slug,
    string Sku,
    string Description,
    string? LongDescription,
    decimal Price,
    decimal? CompareAtPrice,
    AdminProductCategory? Category,
    IReadOnlyList<AdminProductImage> Images,
    int Stock,
    bool Available,
    IReadOnlyList<string> Tags,
    IReadOnlyList<AdminProductAttribute> Attributes,
    IReadOnlyDictionary<string, string>? Specifications,
    IReadOnlyList<Guid>? RelatedProducts,
    DateTime UpdatedAt);
