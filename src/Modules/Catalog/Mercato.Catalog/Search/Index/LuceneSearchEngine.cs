namespace Mercato.Catalog.Search.Index;

/// <summary>
/// Search on this process's Lucene index (<see cref="ProductSearchIndexer"/>); while the index
/// is first being built, the database engine answers, with the same results.
/// </summary>
internal sealed class LuceneSearchEngine(ProductSearchIndexer indexer, DatabaseSearchEngine database) : IProductSearchEngine
{
    /// <inheritdoc />
    public Task<SearchPage> SearchAsync(string text, int pageNumber, int pageSize, CancellationToken cancellationToken)
    {
        if (indexer.Current is { } index)
        {
            try
            {
                return Task.FromResult(index.Search(text, pageNumber, pageSize));
            }
            catch (ObjectDisposedException)
            {
                // A rebuilt index replaced this one while the search ran: the database answers once.
            }
        }

        return database.SearchAsync(text, pageNumber, pageSize, cancellationToken);
    }
}
