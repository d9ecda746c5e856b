namespace Mercato.Web.Components.Admin.Catalog;

/// <summary>The category a product is in.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
internal sealed record AdminProductCategory(Guid Id, string Name);
