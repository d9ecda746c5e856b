namespace Mercato.Catalog.Products;

/// <summary>One picture of a product.</summary>
internal sealed class ProductImage
{
    /// <summary>Where it is served.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>Alternative text.</summary>
    public string? Alt { get; set; }

    /// <summary>Whether it is the product's main picture.</summary>
    public bool IsPrimary { get; set; }
}
