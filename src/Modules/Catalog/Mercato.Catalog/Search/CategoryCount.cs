namespace Mercato.Catalog.Search;

/// <summary>A row of the database engine's facet query.</summary>
/// <param name="CategoryId">The category.</param>
/// <param name="Count">Matching products in it.</param>
internal sealed record CategoryCount(Guid CategoryId, long Count);
