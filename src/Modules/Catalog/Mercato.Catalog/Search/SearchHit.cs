namespace Mercato.Catalog.Search;

/// <summary>One product on a page of search results.</summary>
/// <param name="Id">The product.</param>
/// <param name="Rank">Relevance; higher is better, comparable only within one search.</param>
internal sealed record SearchHit(Guid Id, double Rank);
