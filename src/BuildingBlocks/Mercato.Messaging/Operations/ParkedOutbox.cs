using Mercato.Messaging.Audit;
using Mercato.Messaging.Outbox;
using Mercato.Platform.Envelope;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Messaging.Operations;

/// <summary>
/// The parked rows of one module's outbox (rows the relay gave up on after
/// <see cref="RelayOptions.MaxAttempts"/> failures), for the operator: list them, replay them
/// (attempts reset, the relay woken) or discard one (deleted, audited and counted).
/// Registered per producing module by <c>AddMessaging</c>, keyed by the module's name.
/// </summary>
internal abstract class ParkedOutbox
{
    /// <summary>A page of parked rows, oldest first.</summary>
    public abstract Task<PagedResult<ParkedOutboxMessageResponse>> ListAsync(int pageNumber, int pageSize, CancellationToken cancellationToken);

    /// <summary>Un-parks one row; false when no parked row has this id.</summary>
    public abstract Task<bool> ReplayAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Un-parks every parked row; returns how many.</summary>
    public abstract Task<int> ReplayAllAsync(CancellationToken cancellationToken);

    /// <summary>Deletes one parked row (audited); false when no parked row has this id.</summary>
    public abstract Task<bool> DiscardAsync(Guid id, CancellationToken cancellationToken);
}

/// <summary>The parked rows of <typeparamref name="TContext"/>'s outbox.</summary>
/// <typeparam name="TContext">The producing module's DbContext.</typeparam>
internal sealed class ParkedOutbox<TContext>(TContext db, OutboxSignal<TContext> signal, TimeProvider time, string module) : ParkedOutbox
    where TContext : DbContext
{
    /// <summary>What an audit entry names the resource.</summary>
    private const string Resource = "outbox-message";

    private IQueryable<OutboxMessage> Parked => db.Set<OutboxMessage>().Where(m => m.ParkedAt != null);

    /// <inheritdoc />
    public override async Task<PagedResult<ParkedOutboxMessageResponse>> ListAsync(int pageNumber, int pageSize, CancellationToken cancellationToken)
    {
        var total = await Parked.LongCountAsync(cancellationToken);
        var rows = await Parked.AsNoTracking()
            .OrderBy(m => m.ParkedAt).ThenBy(m => m.Id)
            .Skip((pageNumber - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<ParkedOutboxMessageResponse>([.. rows.Select(ParkedOutboxMessageResponse.From)], pageNumber, pageSize, total);
    }

    /// <inheritdoc />
    public override async Task<bool> ReplayAsync(Guid id, CancellationToken cancellationToken) =>
        await ReplayWhereAsync(Parked.Where(m => m.Id == id), cancellationToken) > 0;

    /// <inheritdoc />
    public override Task<int> ReplayAllAsync(CancellationToken cancellationToken) => ReplayWhereAsync(Parked, cancellationToken);

    /// <inheritdoc />
    public override async Task<bool> DiscardAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await Parked.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (row is null)
        {
            return false;
        }

        db.Remove(row);
        AuditTrail.Record(
            db, module, "discarded", Resource, row.Id.ToString(),
            new { row.Type, row.Attempts, row.LastError, row.ParkedAt }, null, always: true);
        await db.SaveChangesAsync(cancellationToken);
        MessagingMetrics.Discarded.Add(1);
        return true;
    }

    private async Task<int> ReplayWhereAsync(IQueryable<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var parked = await rows.ToListAsync(cancellationToken);
        foreach (var row in parked)
        {
            AuditTrail.Record(db, module, "replayed", Resource, row.Id.ToString(), new { row.Attempts, row.ParkedAt }, new { Attempts = 0 }, always: true);
            row.ParkedAt = null;
            row.Attempts = 0;
            row.NextAttemptAt = now;
        }

        if (parked.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            MessagingMetrics.Replayed.Add(parked.Count);
            signal.Notify();
        }

        return parked.Count;
    }
}
