namespace Mercato.Web.Components.Admin.Catalog;

/// <summary>A product's attribute (such as Colour: Silver).</summary>
/// <param name="Name">Name.</param>
/// <param name="Value">Value.</param>
internal sealed record AdminProductAttribute(string Name, string Value);
