namespace Mercato.Catalog.Search;

/// <summary>
/// Full-text search over available, non-deleted products: every word must match (English stemming:
/// "headphone" finds "headphones"), name matches weigh most, then SKU and tags, then the
/// description. The text is only ever taken as words, never as query syntax.
/// Implemented by <see cref="DatabaseSearchEngine"/> and <see cref="Index.LuceneSearchEngine"/>
/// (<c>Catalog:Search:Engine</c>).
/// </summary>
internal interface IProductSearchEngine
{
    /// <summary>The page <paramref name="pageNumber"/> (1-based) of <paramref name="pageSize"/> hits, the total and the counts per category.</summary>
    Task<SearchPage> SearchAsync(string text, int pageNumber, int pageSize, CancellationToken cancellationToken);
}
