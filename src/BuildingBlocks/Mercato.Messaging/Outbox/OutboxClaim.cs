using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mercato.Messaging.Outbox;

/// <summary>
/// The right to run one relay round over a module's outbox. Replicas of a service (several
/// processes on one PostgreSQL database) would otherwise read the same due rows at the same time
/// and each publish them: every event would reach the broker once per replica (the consumers'
/// inboxes absorb the copies, the broker still carries them) and the order of writing would be
/// lost between replicas. On PostgreSQL a round therefore runs in a transaction that first takes
/// a transaction-scoped advisory lock named after the outbox table: the replicas' rounds follow
/// one another, and each reads what the previous one committed. The lock ends with the
/// transaction (a crashed replica's with its connection). SQLite is one process's database: no
/// transaction is taken there.
/// </summary>
internal sealed class OutboxClaim : IAsyncDisposable
{
    private readonly IDbContextTransaction? _transaction;

    private OutboxClaim(IDbContextTransaction? transaction) => _transaction = transaction;

    /// <summary>Waits for the outbox's lock on PostgreSQL (for as long as another replica's round runs); at once elsewhere.</summary>
    public static async Task<OutboxClaim> TakeAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return new OutboxClaim(null);
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The round's saves run inside this transaction: no savepoint around each.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            var key = LockKey(db);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
            return new OutboxClaim(transaction);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>Commits the round's writes and lets the next round (of any replica) start.</summary>
    public Task CommitAsync(CancellationToken cancellationToken) =>
        _transaction?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _transaction?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>The advisory lock's key: a stable hash of the outbox table's schema-qualified name.</summary>
    private static long LockKey(DbContext db)
    {
        var table = db.Model.FindEntityType(typeof(OutboxMessage))?.GetSchemaQualifiedTableName()
            ?? throw new InvalidOperationException($"{db.GetType().Name} has no outbox table");
        return BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("mercato.outbox-relay:" + table)));
    }
}
