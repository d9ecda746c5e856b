namespace Mercato.Catalog.Search;

/// <summary>What a search engine answers: one page of hits and the counts of the whole result set.</summary>
/// <param name="Hits">The page's products, best first (ties by id).</param>
/// <param name="TotalCount">Matching products over all pages.</param>
/// <param name="CategoryCounts">Matching products per category id, over all pages.</param>
internal sealed record SearchPage(IReadOnlyList<SearchHit> Hits, long TotalCount, IReadOnlyDictionary<Guid, long> CategoryCounts)
{
    /// <summary>No match.</summary>
    public static SearchPage Empty { get; } = new([], 0, new Dictionary<Guid, long>());
}
