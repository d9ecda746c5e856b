namespace Mercato.Catalog.Products;

/// <summary>A product picture as responses show it.</summary>
/// <param name="Url">Where it is served.</param>
/// <param name="Alt">Alternative text.</param>
/// <param name="IsPrimary">Whether it is the product's main picture.</param>
internal sealed record ProductImageResponse(string Url, string? Alt, bool IsPrimary)
{
    /// <summary>Describes every picture of a product, in order.</summary>
    public static IReadOnlyList<ProductImageResponse> From(IEnumerable<ProductImage> images)
        => [.. images.Select(i => new ProductImageResponse(i.Url, i.Alt, i.IsPrimary))];
}
