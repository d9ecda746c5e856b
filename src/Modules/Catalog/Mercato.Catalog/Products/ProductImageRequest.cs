namespace Mercato.Catalog.Products;

/// <summary>A picture in a product write.</summary>
/// <param name="Url">Absolute http(s) URL.</param>
/// <param name="Alt">Alternative text.</param>
/// <param name="IsPrimary">Whether it is the main picture (at most one).</param>
internal sealed record ProductImageRequest(string? Url, string? Alt, bool IsPrimary);
