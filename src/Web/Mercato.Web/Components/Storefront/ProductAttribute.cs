namespace Mercato.Web.Components.Storefront;

/// <summary>A shopper-facing attribute, such as Color: Black.</summary>
/// <param name="Name">Attribute name.</param>
/// <param name="Value">Attribute value.</param>
public sealed record ProductAttribute(string Name, string Value);
