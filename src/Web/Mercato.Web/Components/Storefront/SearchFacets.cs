namespace Mercato.Web.Components.Storefront;

/// <summary>The counts of a search's whole result set.</summary>
/// <param name="Categories">Matching products per category.</param>
public sealed record SearchFacets(IReadOnlyList<CategoryFacet> Categories);
