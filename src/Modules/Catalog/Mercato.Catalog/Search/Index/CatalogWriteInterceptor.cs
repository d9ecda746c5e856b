using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mercato.Catalog.Search.Index;

/// <summary>
/// Watches the Catalog database's commands for writes to <c>catalog_products</c> (inserts,
/// updates from the admin API, stock, reviews, category moves: every path) and signals
/// <see cref="ProductSearchIndexer.CatalogChanged"/> once they are committed: at once outside a transaction, at the
/// commit inside one.
/// </summary>
internal sealed class CatalogWriteInterceptor(ProductSearchIndexer indexer) : DbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    /// <inheritdoc />
    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Notice(command, eventData.Context);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Notice(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Notice(command, eventData.Context);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Notice(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    /// <inheritdoc />
    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    /// <inheritdoc />
    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static bool WritesProducts(DbCommand command)
    {
        var text = WithoutLeadingComments(command.CommandText);
        return !text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && text.Contains("catalog_products", StringComparison.Ordinal);
    }

    /// <summary>
    /// The statement after its leading <c>--</c> comment lines (EF Core's <c>TagWith</c> puts the
    /// tag there): the change feed's own tagged SELECT must not count as a write, or every round
    /// of the indexer would ask for the next one.
    /// </summary>
    private static ReadOnlySpan<char> WithoutLeadingComments(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        while (text.StartsWith("--", StringComparison.Ordinal))
        {
            var end = text.IndexOf('\n');
            text = end < 0 ? [] : text[(end + 1)..].TrimStart();
        }

        return text;
    }

    private void Notice(DbCommand command, DbContext? context)
    {
        if (!WritesProducts(command))
        {
            return;
        }

        if (command.Transaction is null || context is null)
        {
            indexer.CatalogChanged();
        }
        else
        {
            _pending.AddOrUpdate(context, this);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
        {
            indexer.CatalogChanged();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }
}
