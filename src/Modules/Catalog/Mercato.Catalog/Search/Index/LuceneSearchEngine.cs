using Microsoft.Extensions.Logging;

namespace Mercato.Catalog.Search.Index;

/// <summary>
/// Search on this process's Lucene index (<see cref="ProductSearchIndexer"/>); while the index
/// is first being built, the database engine answers, with the same results.
/// </summary>
internal sealed partial class LuceneSearchEngine(ProductSearchIndexer indexer, DatabaseSearchEngine database, ILogger<LuceneSearchEngine> logger) : IProductSearchEngine
{
    /// <inheritdoc />
    public Task<SearchPage> SearchAsync(string text, int pageNumber, int pageSize, CancellationToken cancellationToken)
    {
        if (indexer.Current is { } index)
        {
            try
            {
                var page = index.Search(text, pageNumber, pageSize, out var cached);
                if (cached)
                {
                    LogCached(text, pageNumber, pageSize);
                }

                return Task.FromResult(page);
            }
            catch (ObjectDisposedException)
            {
                // A rebuilt index replaced this one while the search ran: the database answers once.
            }
        }

        return database.SearchAsync(text, pageNumber, pageSize, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Search for '{Text}' (page {PageNumber} of {PageSize}) answered from the result cache")]
    private partial void LogCached(string text, int pageNumber, int pageSize);
}
