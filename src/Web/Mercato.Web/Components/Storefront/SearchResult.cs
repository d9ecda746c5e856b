namespace Mercato.Web.Components.Storefront;

/// <summary>What <c>GET /api/v1/products/search</c> answers.</summary>
/// <param name="Items">This page's products, best first.</param>
/// <param name="TotalCount">Matches over all pages.</param>
/// <param name="PageNumber">1-based page.</param>
/// <param name="TotalPages">Number of pages.</param>
/// <param name="Facets">Counts per category.</param>
public sealed record SearchResult(IReadOnlyList<ProductSummary> Items, long TotalCount, int PageNumber, int TotalPages, SearchFacets? Facets);
