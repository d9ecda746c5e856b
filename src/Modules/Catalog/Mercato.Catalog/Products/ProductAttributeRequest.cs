namespace Mercato.Catalog.Products;

/// <summary>An attribute in a product write.</summary>
/// <param name="Name">Attribute name.</param>
/// <param name="Value">Attribute value.</param>
public sealed record ProductAttributeRequest(string? Name, string? Value);
