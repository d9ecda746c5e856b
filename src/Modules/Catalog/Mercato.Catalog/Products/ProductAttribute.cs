namespace Mercato.Catalog.Products;

/// <summary>A shopper-facing attribute such as Color: Black.</summary>
internal sealed class ProductAttribute
{
    /// <summary>Attribute name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Attribute value.</summary>
    public string Value { get; set; } = string.Empty;
}
