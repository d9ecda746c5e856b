namespace Mercato.Catalog.Search.Index;

/// <summary>What a cached search answer depends on: the searcher's version and the search.</summary>
/// <param name="ReaderVersion">The version of the index reader searched: it changes with every change to the index, so an answer of an older searcher is never found again.</param>
/// <param name="Words">The analysed words of the text, space-separated (<see cref="ProductIndexSchema.WordsOf"/>).</param>
/// <param name="PageNumber">1-based page number.</param>
/// <param name="PageSize">Hits per page.</param>
internal readonly record struct SearchResultKey(long ReaderVersion, string Words, int PageNumber, int PageSize);
