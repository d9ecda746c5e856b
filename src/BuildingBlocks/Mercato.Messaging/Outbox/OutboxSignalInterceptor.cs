using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mercato.Messaging.Outbox;

/// <summary>
/// Signals the relay once a save that added outbox rows is committed: at once for a save outside
/// a transaction, at the commit for one inside. Saves that add no outbox row (the relay's own
/// rounds, the consumer queues, reads that write nothing) never signal, so an idle relay sleeps.
/// </summary>
/// <typeparam name="TContext">The producing module's DbContext, whose relay is signalled.</typeparam>
internal sealed class OutboxSignalInterceptor<TContext>(OutboxSignal<TContext> signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
    where TContext : DbContext
{
    // Contexts whose current transaction holds saved but uncommitted outbox rows.
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    // Contexts whose save in progress adds outbox rows.
    private readonly ConditionalWeakTable<DbContext, object> _saving = [];

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        NoteOutboxRows(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        NoteOutboxRows(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context, _saving);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, _saving);
        return Task.CompletedTask;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, _pending);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context, _pending);

    private void NoteOutboxRows(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            _saving.AddOrUpdate(context, this);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_saving.Remove(context))
        {
            return;
        }

        if (context.Database.CurrentTransaction is null)
        {
            signal.Notify();
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
            signal.Notify();
        }
    }

    private static void Forget(DbContext? context, ConditionalWeakTable<DbContext, object> table)
    {
        if (context is not null)
        {
            table.Remove(context);
        }
    }
}
