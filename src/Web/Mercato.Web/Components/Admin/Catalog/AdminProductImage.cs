namespace Mercato.Web.Components.Admin.Catalog;

/// <summary>A product's picture.</summary>
/// <param name="Url">Where it is.</param>
/// <param name="Alt">Alternative text.</param>
/// <param name="IsPrimary">The main picture.</param>
internal sealed record AdminProductImage(string Url, string? Alt, bool IsPrimary);
