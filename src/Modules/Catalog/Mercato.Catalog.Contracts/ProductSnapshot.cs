namespace Mercato.Catalog.Contracts;

/// <summary>What another module needs to know of a product right now.</summary>
/// <param name="Id">Product id.</param>
/// <param name="Name">Name.</param>
/// <param name="Sku">SKU.</param>
/// <param name="Slug">URL name.</param>
/// <param name="Price">What a shopper pays.</param>
/// <param name="CompareAtPrice">List price, if any.</param>
/// <param name="ImageUrl">Primary image.</param>
/// <param name="CategoryId">Category.</param>
/// <param name="AvailableStock">Units a shopper can buy now.</param>
/// <param name="Available">Published and not deleted.</param>
public sealed record ProductSnapshot(
    Guid Id,
    string Name,
    string Sku,
    string Slug,
    decimal Price,
    decimal? CompareAtPrice,
    string? ImageUrl,
    Guid CategoryId,
    int AvailableStock,
    bool Available);
