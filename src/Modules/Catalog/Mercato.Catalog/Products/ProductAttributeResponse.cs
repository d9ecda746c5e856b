namespace Mercato.Catalog.Products;

/// <summary>A shopper-facing attribute as responses show it, such as Color: Black.</summary>
/// <param name="Name">Attribute name.</param>
/// <param name="Value">Attribute value.</param>
internal sealed record ProductAttributeResponse(string Name, string Value)
{
    /// <summary>Describes every attribute of a product, in order.</summary>
    public static IReadOnlyList<ProductAttributeResponse> From(IEnumerable<ProductAttribute> attributes)
        => [.. attributes.Select(a => new ProductAttributeResponse(a.Name, a.Value))];
}
