namespace Mercato.Catalog.Search;

/// <summary>Seed 004's search answer plus counts per category over the whole result set.</summary>
/// <param name="Items">This page's products, best match first.</param>
/// <param name="Query">The text searched for.</param>
/// <param name="TotalCount">Matching products over all pages.</param>
/// <param name="PageNumber">1-based page number.</param>
/// <param name="PageSize">Products per page.</param>
/// <param name="TotalPages">Number of pages.</param>
/// <param name="Facets">Counts of the whole result set.</param>
internal sealed record SearchResultResponse(
    IReadOnlyList<SearchItemResponse> Items,
    string Query,
    long TotalCount,
    int PageNumber,
    int PageSize,
    int TotalPages,
    SearchFacets Facets);

/// <summary>Counts of a search's whole result set.</summary>
/// <param name="Categories">Matching products per category, largest first.</param>
internal sealed record SearchFacets(IReadOnlyList<CategoryFacet> Categories);

/// <summary>How many matching products one category holds.</summary>
/// <param name="Id">Category id.</param>
/// <param name="Name">Category name.</param>
/// <param name="Slug">Category slug.</param>
/// <param name="Count">Matching products in it (its own, not its sub-categories').</param>
internal sealed record CategoryFacet(Guid Id, string Name, string Slug, int Count);
