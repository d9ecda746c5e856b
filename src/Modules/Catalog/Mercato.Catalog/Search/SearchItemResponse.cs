using Mercato.Catalog.Categories;
using Mercato.Catalog.Products;

namespace Mercato.Catalog.Search;

/// <summary>A product in search results: seed 004's list item with seed 000's discount and sell price.</summary>
/// <param name="Id">Product id.</param>
/// <param name="Name">Name.</param>
/// <param name="Slug">Slug.</param>
/// <param name="Description">Short description.</param>
/// <param name="Price">What the shopper pays.</param>
/// <param name="CompareAtPrice">List price, when higher.</param>
/// <param name="SellPrice">Seed 000's name for what the shopper pays (equals <paramref name="Price"/>).</param>
/// <param name="Discount">Percent off the list price.</param>
/// <param name="Sku">SKU.</param>
/// <param name="Category">Its category.</param>
/// <param name="Images">Pictures.</param>
/// <param name="Stock">Units a shopper can buy now.</param>
/// <param name="InStock">Whether any can be bought.</param>
/// <param name="Rating">Average rating.</param>
/// <param name="ReviewCount">Number of reviews.</param>
/// <param name="Tags">Tags.</param>
/// <param name="Attributes">Attributes.</param>
/// <param name="CreatedAt">Created (UTC).</param>
/// <param name="UpdatedAt">Last changed (UTC).</param>
public sealed record SearchItemResponse(
    Guid Id,
    string Name,
    string Slug,
    string Description,
    decimal Price,
    decimal? CompareAtPrice,
    decimal SellPrice,
    decimal Discount,
    string Sku,
    SearchCategoryRef Category,
    IReadOnlyList<SearchImage> Images,
    int Stock,
    bool InStock,
    decimal Rating,
    int ReviewCount,
    IReadOnlyList<string> Tags,
    IReadOnlyList<SearchAttribute> Attributes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Maps a stored product and its category.</summary>
    public static SearchItemResponse From(Product p, Category category) => new(
        p.Id,
        p.Name,
        p.Slug,
        p.Description,
        p.Price,
        p.CompareAtPrice,
        p.Price,
        p.DiscountPercent,
        p.Sku,
        new SearchCategoryRef(category.Id, category.Name, category.Slug),
        [.. p.Images.Select(i => new SearchImage(i.Url, i.Alt, i.IsPrimary))],
        p.AvailableStock,
        p.AvailableStock > 0,
        p.Rating,
        p.ReviewCount,
        p.Tags,
        [.. p.Attributes.Select(a => new SearchAttribute(a.Name, a.Value))],
        Utc(p.CreatedAt),
        Utc(p.UpdatedAt));

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

/// <summary>A category as products refer to it.</summary>
/// <param name="Id">Category id.</param>
/// <param name="Name">Name.</param>
/// <param name="Slug">Slug.</param>
public sealed record SearchCategoryRef(Guid Id, string Name, string Slug);

/// <summary>A product picture.</summary>
/// <param name="Url">Where it is served.</param>
/// <param name="Alt">Alternative text.</param>
/// <param name="IsPrimary">Whether it is the main picture.</param>
public sealed record SearchImage(string Url, string? Alt, bool IsPrimary);

/// <summary>A product attribute.</summary>
/// <param name="Name">Attribute name.</param>
/// <param name="Value">Attribute value.</param>
public sealed record SearchAttribute(string Name, string Value);
