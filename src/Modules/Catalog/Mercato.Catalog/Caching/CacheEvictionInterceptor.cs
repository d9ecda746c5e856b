using System.Data.Common;
using System.Runtime.CompilerServices;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Products;
using Mercato.Catalog.Reviews;
using Mercato.Catalog.Stock;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mercato.Catalog.Caching;

/// <summary>
/// The one place where catalog writes evict cached reads: every writer of the Catalog database
/// (admin API, stock API, reservations, order event handlers, reviews, demo data) saves through
/// the context, and what it saved says what changed. A product row written through the change
/// tracker, a category, a review and a stock ledger entry (every stock change, including the
/// conditional updates of reservations, writes one) name the tags to evict (see
/// <see cref="CatalogCacheTags"/>). Evictions run after the data is committed: right after the
/// save, or when the save's transaction commits (nothing is evicted for a rolled-back one).
/// </summary>
internal sealed class CacheEvictionInterceptor(CatalogReadCache cache) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context && Take(context) is { } tags)
        {
            cache.Evict(tags);
        }

        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context && Take(context) is { } tags)
        {
            await cache.EvictAsync(tags, CancellationToken.None);
        }

        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context)
        {
            Take(context);
        }
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && Take(context) is { } tags)
        {
            cache.Evict(tags);
        }
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Take(context) is { } tags)
        {
            // Not the request's token: once committed, the eviction must happen even if the caller went away.
            await cache.EvictAsync(tags, CancellationToken.None);
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            Take(context);
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    /// <summary>The tags of what the tracked changes about to be saved show.</summary>
    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        HashSet<string>? tags = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            tags ??= _pending.GetValue(context, _ => []);
            switch (entry.Entity)
            {
                case Category:
                    tags.Add(CatalogCacheTags.All);
                    break;
                case Product product:
                    // An admin write may change anything a list filters or sorts on, and the counts of categories.
                    tags.Add(CatalogCacheTags.Product(product.Id));
                    tags.Add(CatalogCacheTags.Lists);
                    tags.Add(CatalogCacheTags.CategoryCounts);
                    break;
                case Review review:
                    tags.Add(CatalogCacheTags.Product(review.ProductId));
                    tags.Add(CatalogCacheTags.RatingLists);
                    break;
                case StockLedgerEntry move:
                    tags.Add(CatalogCacheTags.Product(move.ProductId));
                    tags.Add(CatalogCacheTags.StockLists);
                    if (InStockChanged(move))
                    {
                        // Lists filtered on inStock gain or lose the product.
                        tags.Add(CatalogCacheTags.Lists);
                    }

                    break;
            }
        }
    }

    private static bool InStockChanged(StockLedgerEntry move)
    {
        var after = move.OnHandAfter - move.ReservedAfter;
        var before = (move.OnHandAfter - move.OnHandChange) - (move.ReservedAfter - move.ReservedChange);
        return after > 0 != before > 0;
    }

    private HashSet<string>? Take(DbContext context)
    {
        if (!_pending.TryGetValue(context, out var tags))
        {
            return null;
        }

        _pending.Remove(context);
        return tags.Count > 0 ? tags : null;
    }
}
