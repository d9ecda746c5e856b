namespace Mercato.Web.Components.Storefront;

/// <summary>A product picture as the Catalog API answers it.</summary>
/// <param name="Url">Where it is served.</param>
/// <param name="Alt">Alternative text.</param>
/// <param name="IsPrimary">Whether it is the main picture.</param>
public sealed record ProductImage(string Url, string? Alt, bool IsPrimary);
