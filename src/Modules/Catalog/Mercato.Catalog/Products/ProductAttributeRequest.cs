namespace Mercato.Catalog.Products;

/// <summary>An attribute in a product write.</summary>
/// <param name="Name">Attribute name.</param>
/// <param name="Value">Attribute value.</param>
internal sealed record ProductAttributeRequest(string? Name, string? Value);
