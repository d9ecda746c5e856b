namespace Mercato.Web.Components.Storefront;

/// <summary>How many of a search's results one category holds.</summary>
/// <param name="Id">Category id.</param>
/// <param name="Name">Category name.</param>
/// <param name="Slug">Category slug.</param>
/// <param name="Count">Matching products in it.</param>
public sealed record CategoryFacet(Guid Id, string Name, string Slug, int Count);
