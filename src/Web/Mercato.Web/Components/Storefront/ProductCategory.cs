namespace Mercato.Web.Components.Storefront;

/// <summary>The category a product is in.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="Slug">Slug.</param>
public sealed record ProductCategory(Guid Id, string Name, string Slug);
