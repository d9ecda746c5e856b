using Microsoft.Extensions.Caching.Memory;

namespace Mercato.Catalog.Search.Index;

/// <summary>
/// The answers of one <see cref="ProductSearchIndex"/>'s recent searches (page of ids and scores,
/// total, counts per category), keyed by <see cref="SearchResultKey"/>, so a popular search
/// costs one dictionary look-up instead of a pass over every match. An answer is only ever found
/// by searches on the same searcher version, so it cannot be older than the index; the index
/// empties the cache whenever it reopens its searcher after a change. At most
/// <see cref="Capacity"/> answers (a few KB each), the least recently used go first.
/// The products on the page are still read from the database for each answer.
/// </summary>
internal sealed class SearchResultCache : IDisposable
{
    /// <summary>How many answers are kept.</summary>
    public const int Capacity = 2_000;

    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1 };

    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.25 });

    /// <summary>The answer stored under <paramref name="key"/>, or null.</summary>
    public SearchPage? TryGet(SearchResultKey key) => _answers.TryGetValue(key, out SearchPage? page) ? page : null;

    /// <summary>Stores <paramref name="page"/> under <paramref name="key"/>.</summary>
    public void Add(SearchResultKey key, SearchPage page) => _answers.Set(key, page, Entry);

    /// <summary>Forgets every answer (the searcher changed).</summary>
    public void Clear() => _answers.Clear();

    /// <inheritdoc />
    public void Dispose() => _answers.Dispose();
}
