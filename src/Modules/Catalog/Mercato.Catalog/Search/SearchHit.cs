namespace Mercato.Catalog.Search;

/// <summary>One product matching a search, as the full-text query returns it.</summary>
/// <param name="Id">The product.</param>
/// <param name="CategoryId">Its category (for the facets).</param>
/// <param name="Rank">Relevance; higher is better on both providers.</param>
internal sealed record SearchHit(Guid Id, Guid CategoryId, double Rank);
