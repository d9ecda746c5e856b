using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using SQLitePCL;

namespace Mercato.Platform.Persistence;

/// <summary>
/// Serialises the writes to each SQLite database in this process (DESIGN.md "Speed"), for every
/// DbContext that uses it (<see cref="PersistenceSetup"/> adds it to each module's SQLite context):
/// <list type="bullet">
/// <item>a transaction takes its file's <see cref="SqliteWriteLock"/> before it begins, begins as
/// <c>BEGIN IMMEDIATE</c> (so it never has to upgrade a read lock later) and gives the lock back at
/// commit, rollback, or when its connection closes or is next used after an uncommitted dispose;</item>
/// <item>a write statement outside a transaction (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>, a
/// <c>SaveChanges</c> of one statement) holds the lock while it runs (a reader's, until it is
/// disposed);</item>
/// <item>reads take nothing.</item>
/// </list>
/// Each connection also gets <c>synchronous=NORMAL</c> (with WAL: a crash of the process loses
/// nothing, a power loss may lose the last commits but never corrupts the file) and a busy handler
/// in place of Microsoft.Data.Sqlite's 150 ms sleeps: it waits in short steps up to the
/// connection's <c>Default Timeout</c>. A writer's wait (its connection holds the file's slot)
/// is counted (<see cref="SqliteWriteLock.BusyRetries"/>) and logged as a warning, since only
/// another process can make the file busy for it now; a reader's (WAL lets a reader wait for a
/// moment while another connection rebuilds the WAL index) is counted apart
/// (<see cref="SqliteWriteLock.ReaderBusyRetries"/>) and logged at debug level.
/// The lock is per file, never nested on one file: a transaction on one database may wait for
/// another database's lock (checkout writes Ordering, then Catalog), but a connection never waits
/// for the lock it holds, and a write of a connection inside its own transaction takes nothing more.
/// </summary>
/// <param name="logger">Where busy files and lock time-outs are reported.</param>
public sealed partial class SqliteSerialWrites(ILogger<SqliteSerialWrites> logger)
    : IDbConnectionInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    // The waits SQLite's own busy_timeout handler uses, in milliseconds; the last one repeats.
    private static readonly int[] BusySteps = [1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100];

    private const string TransactionHolder = "a transaction";

    private static readonly ConditionalWeakTable<sqlite3, PreparedConnection> Prepared = new();
    private static readonly ConcurrentDictionary<string, BusyFile> BusyFiles = new(StringComparer.Ordinal);
    private static readonly SqliteNativeMethods.BusyCallback OnBusy = WaitWhileBusy;
    private static readonly ConditionalWeakTable<DbConnection, SqliteWriteHold> ByConnection = new();
    private static readonly ConditionalWeakTable<DbTransaction, SqliteWriteHold> ByTransaction = new();
    private static readonly ConditionalWeakTable<DbCommand, SqliteWriteHold> ByStatement = new();
    private static readonly ConditionalWeakTable<SqliteConnection, SqliteConnection> WatchedConnections = new();

    // Connections

    /// <inheritdoc />
    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Prepare(connection);

    /// <inheritdoc />
    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Prepare(connection);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(ByConnection, connection);

    /// <inheritdoc />
    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(ByConnection, connection);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Release(ByConnection, connection);

    /// <inheritdoc />
    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(ByConnection, connection);
        return Task.CompletedTask;
    }

    // Transactions

    /// <inheritdoc />
    public InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (result.HasResult || LockOf(connection) is not { } prepared)
        {
            return result;
        }

        var (writeLock, timeout) = (prepared.Busy.File.Lock, TimeoutOf(connection));
        var hold = MarkWriting(Guard(writeLock, () => writeLock.Enter(TransactionHolder, timeout)), prepared.Busy, timeout);
        return InterceptionResult<DbTransaction>.SuppressWithResult(BeginImmediate((SqliteConnection)connection, eventData.IsolationLevel, hold));
    }

    /// <inheritdoc />
    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        if (result.HasResult || LockOf(connection) is not { } prepared)
        {
            return result;
        }

        var (writeLock, timeout) = (prepared.Busy.File.Lock, TimeoutOf(connection));
        var hold = MarkWriting(await GuardAsync(writeLock, () => writeLock.EnterAsync(TransactionHolder, timeout, cancellationToken)), prepared.Busy, timeout);
        return InterceptionResult<DbTransaction>.SuppressWithResult(BeginImmediate((SqliteConnection)connection, eventData.IsolationLevel, hold));
    }

    /// <inheritdoc />
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(ByTransaction, transaction);

    /// <inheritdoc />
    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(ByTransaction, transaction);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(ByTransaction, transaction);

    /// <inheritdoc />
    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(ByTransaction, transaction);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => ReleaseIfEnded(transaction);

    /// <inheritdoc />
    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseIfEnded(transaction);
        return Task.CompletedTask;
    }

    // Statements outside a transaction

    /// <inheritdoc />
    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnterForStatement(command);
        return result;
    }

    /// <inheritdoc />
    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterForStatementAsync(command, cancellationToken);
        return result;
    }

    /// <inheritdoc />
    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnterForStatement(command);
        return result;
    }

    /// <inheritdoc />
    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterForStatementAsync(command, cancellationToken);
        return result;
    }

    /// <inheritdoc />
    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        EnterForStatement(command);
        return result;
    }

    /// <inheritdoc />
    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await EnterForStatementAsync(command, cancellationToken);
        return result;
    }

    /// <inheritdoc />
    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Release(ByStatement, command);
        return result;
    }

    /// <inheritdoc />
    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(ByStatement, command);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Release(ByStatement, command);
        return result;
    }

    /// <inheritdoc />
    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Release(ByStatement, command);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Release(ByStatement, command);

    /// <inheritdoc />
    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(ByStatement, command);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Release(ByStatement, command);

    /// <inheritdoc />
    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(ByStatement, command);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Release(ByStatement, command);
        return result;
    }

    /// <inheritdoc />
    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Release(ByStatement, command);
        return result;
    }

    // The lock's bookkeeping

    /// <summary>Sets up a newly opened connection once per native connection (they are pooled).</summary>
    private void Prepare(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite || sqlite.Handle is not { } handle || Prepared.TryGetValue(handle, out _)
            || string.IsNullOrEmpty(sqlite.DataSource))
        {
            return;
        }

        var writeLock = SqliteWriteLock.For(sqlite.DataSource);
        var file = BusyFiles.GetOrAdd(writeLock.File, _ => new BusyFile(writeLock, logger, TimeoutOf(sqlite)));
        var prepared = new PreparedConnection(file);
        _ = SqliteNativeMethods.SetBusyHandler(handle.DangerousGetHandle(), OnBusy, prepared.Busy.State);
        using (var pragma = sqlite.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=NORMAL;";
            pragma.ExecuteNonQuery();
        }

        Prepared.AddOrUpdate(handle, prepared);
    }

    /// <summary>The prepared native connection of an open SQLite file connection, after giving back the slot its transaction left behind.</summary>
    private static PreparedConnection? LockOf(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || !Prepared.TryGetValue(handle, out var prepared))
        {
            return null;
        }

        // A transaction disposed without commit or rollback (no interceptor sees that) rolled back
        // inside Microsoft.Data.Sqlite; the connection is back in autocommit, so its hold is stale.
        if (ByConnection.TryGetValue(connection, out _) && raw.sqlite3_get_autocommit(handle) != 0)
        {
            Release(ByConnection, connection);
        }

        return prepared;
    }

    private static SqliteTransaction BeginImmediate(SqliteConnection connection, IsolationLevel isolationLevel, SqliteWriteHold hold)
    {
        try
        {
            var transaction = connection.BeginTransaction(isolationLevel, deferred: false);
            ByConnection.AddOrUpdate(connection, hold);
            ByTransaction.AddOrUpdate(transaction, hold);
            WatchClose(connection);
            return transaction;
        }
        catch
        {
            hold.Release();
            throw;
        }
    }

    /// <summary>
    /// Gives a transaction's slot back whenever its connection closes, also when no interceptor
    /// sees it: EF Core disposes a failed save's transaction without a rollback event, and a pooled
    /// context's reset closes its connection directly; an EF Core connection opened explicitly
    /// once stays counted as open into the pooled context's next use, so that failed save does not
    /// close it either. Without this, such a slot stayed taken until that context's next write.
    /// </summary>
    private static void WatchClose(SqliteConnection connection)
    {
        if (!WatchedConnections.TryGetValue(connection, out _))
        {
            WatchedConnections.AddOrUpdate(connection, connection);
            connection.StateChange += OnStateChange;
        }
    }

    private static void OnStateChange(object sender, StateChangeEventArgs e)
    {
        if (e.CurrentState == ConnectionState.Closed && sender is DbConnection connection)
        {
            Release(ByConnection, connection);
        }
    }

    private void EnterForStatement(DbCommand command)
    {
        if (StatementLock(command) is { } prepared)
        {
            var (writeLock, timeout, holder) = (prepared.Busy.File.Lock, TimeoutOf(command.Connection!), StatementHolder(command));
            ByStatement.AddOrUpdate(command, MarkWriting(Guard(writeLock, () => writeLock.Enter(holder, timeout)), prepared.Busy, timeout));
        }
        else
        {
            NoteStatementOfTransaction(command);
        }
    }

    private async ValueTask EnterForStatementAsync(DbCommand command, CancellationToken cancellationToken)
    {
        if (StatementLock(command) is { } prepared)
        {
            var (writeLock, timeout, holder) = (prepared.Busy.File.Lock, TimeoutOf(command.Connection!), StatementHolder(command));
            var hold = await GuardAsync(writeLock, () => writeLock.EnterAsync(holder, timeout, cancellationToken));
            ByStatement.AddOrUpdate(command, MarkWriting(hold, prepared.Busy, timeout));
        }
        else
        {
            NoteStatementOfTransaction(command);
        }
    }

    private static string StatementHolder(DbCommand command) => "the statement " + SqliteWriteHold.Shorten(command.CommandText);

    /// <summary>A statement run inside a transaction that holds its file's slot: noted on the hold, so a writer kept waiting can tell what the transaction does.</summary>
    private static void NoteStatementOfTransaction(DbCommand command)
    {
        if (command.Transaction is not null && command.Connection is { } connection && ByConnection.TryGetValue(connection, out var hold))
        {
            hold.Ran(command.CommandText);
        }
    }

    /// <summary>The connection whose slot a statement must hold: a write outside a transaction; null for reads and for statements of a transaction.</summary>
    private static PreparedConnection? StatementLock(DbCommand command) =>
        command.Transaction is null && command.Connection is { } connection && IsWrite(command.CommandText) ? LockOf(connection) : null;

    /// <summary>Whether a command may write: anything but a query (comments before it skipped).</summary>
    internal static bool IsWrite(string text)
    {
        var sql = text.AsSpan();
        while (true)
        {
            sql = sql.TrimStart();
            if (sql.StartsWith("--", StringComparison.Ordinal))
            {
                var end = sql.IndexOf('\n');
                sql = end < 0 ? [] : sql[(end + 1)..];
            }
            else if (sql.StartsWith("/*", StringComparison.Ordinal))
            {
                var end = sql.IndexOf("*/", StringComparison.Ordinal);
                sql = end < 0 ? [] : sql[(end + 2)..];
            }
            else
            {
                break;
            }
        }

        return !sql.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !sql.IsEmpty;
    }

    private static TimeSpan TimeoutOf(DbConnection connection) =>
        TimeSpan.FromSeconds(connection is SqliteConnection { DefaultTimeout: > 0 } sqlite ? sqlite.DefaultTimeout : 30);

    private SqliteWriteHold Guard(SqliteWriteLock writeLock, Func<SqliteWriteHold> enter)
    {
        try
        {
            return enter();
        }
        catch (TimeoutException e)
        {
            LogLockTimedOut(logger, writeLock.File, e.Message);
            throw;
        }
    }

    private async ValueTask<SqliteWriteHold> GuardAsync(SqliteWriteLock writeLock, Func<ValueTask<SqliteWriteHold>> enter)
    {
        try
        {
            return await enter();
        }
        catch (TimeoutException e)
        {
            LogLockTimedOut(logger, writeLock.File, e.Message);
            throw;
        }
    }

    /// <summary>
    /// Marks the connection as writing until the hold is given back (its busy waits are a
    /// writer's), and reports a hold long enough to keep other writers waiting for seconds.
    /// </summary>
    private SqliteWriteHold MarkWriting(SqliteWriteHold hold, BusyConnection connection, TimeSpan timeout)
    {
        connection.Writing = true;
        hold.OnRelease(h =>
        {
            connection.Writing = false;
            // A sixth of the wait a writer allows (5 s of the default 30 s): writers behind it waited that long.
            if (h.Held >= timeout / 6)
            {
                LogLongHold(logger, connection.File.Lock.File, h.Describe());
            }
        });
        return hold;
    }

    private static void Release<TKey>(ConditionalWeakTable<TKey, SqliteWriteHold> holds, TKey key)
        where TKey : class
    {
        if (holds.TryGetValue(key, out var hold))
        {
            holds.Remove(key);
            hold.Release();
        }
    }

    /// <summary>After a failed commit or rollback: the lock goes back only if the transaction is over.</summary>
    private static void ReleaseIfEnded(DbTransaction transaction)
    {
        if (transaction.Connection is not SqliteConnection { Handle: { } handle } || raw.sqlite3_get_autocommit(handle) != 0)
        {
            Release(ByTransaction, transaction);
        }
    }

    /// <summary>SQLite's busy handler: waits in growing steps while another connection holds the file, up to the budget.</summary>
    private static int WaitWhileBusy(IntPtr state, int count)
    {
        var connection = (BusyConnection)GCHandle.FromIntPtr(state).Target!;
        var file = connection.File;
        var writing = connection.Writing;
        if (writing)
        {
            file.Lock.CountBusyRetry();
        }
        else
        {
            file.Lock.CountReaderBusyRetry();
        }

        var waited = 0;
        for (var i = 0; i < count; i++)
        {
            waited += BusySteps[Math.Min(i, BusySteps.Length - 1)];
        }

        if (waited >= file.Budget.TotalMilliseconds)
        {
            LogBusyGaveUp(file.Logger, file.Lock.File, waited);
            return 0;
        }

        if (count == 0 && writing)
        {
            LogBusy(file.Logger, file.Lock.File);
        }
        else if (count == 0)
        {
            LogReaderBusy(file.Logger, file.Lock.File);
        }

        Thread.Sleep(BusySteps[Math.Min(count, BusySteps.Length - 1)]);
        return 1;
    }

    /// <summary>What the busy handlers of one file share, kept for the process's lifetime like the file's lock.</summary>
    private sealed class BusyFile(SqliteWriteLock writeLock, ILogger logger, TimeSpan budget)
    {
        public SqliteWriteLock Lock { get; } = writeLock;

        public ILogger Logger { get; } = logger;

        public TimeSpan Budget { get; } = budget;
    }

    /// <summary>
    /// The busy handler's state for one native connection, pinned so SQLite can hand it back: its
    /// file, and whether the connection is writing (holds the file's slot) right now.
    /// </summary>
    private sealed class BusyConnection
    {
        private int _writing;

        public BusyConnection(BusyFile file)
        {
            File = file;
            State = GCHandle.ToIntPtr(GCHandle.Alloc(this));
        }

        public BusyFile File { get; }

        public IntPtr State { get; }

        public bool Writing
        {
            get => Volatile.Read(ref _writing) != 0;
            set => Volatile.Write(ref _writing, value ? 1 : 0);
        }
    }

    /// <summary>
    /// A native connection set up by <see cref="Prepare"/>, alive as long as its handle: when the
    /// handle is collected (the connection has left the pool and closed), the pin of its busy state
    /// is freed.
    /// </summary>
    private sealed class PreparedConnection(BusyFile file)
    {
        public BusyConnection Busy { get; } = new(file);

        ~PreparedConnection() => GCHandle.FromIntPtr(Busy.State).Free();
    }

    [LoggerMessage(EventId = 1220, Level = LogLevel.Warning, Message = "The SQLite database {File} is locked by another connection (another process?); waiting for it")]
    private static partial void LogBusy(ILogger logger, string file);

    [LoggerMessage(EventId = 1223, Level = LogLevel.Debug, Message = "A read of the SQLite database {File} waited for another connection (WAL index being updated)")]
    private static partial void LogReaderBusy(ILogger logger, string file);

    [LoggerMessage(EventId = 1221, Level = LogLevel.Error, Message = "The SQLite database {File} stayed locked by another connection for {WaitedMs} ms; giving up")]
    private static partial void LogBusyGaveUp(ILogger logger, string file, int waitedMs);

    [LoggerMessage(EventId = 1222, Level = LogLevel.Error, Message = "A write to the SQLite database {File} waited too long for the previous write to end: {Reason}")]
    private static partial void LogLockTimedOut(ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 1224, Level = LogLevel.Warning, Message = "A write held the SQLite database {File} long enough to keep other writes waiting: {Holder}")]
    private static partial void LogLongHold(ILogger logger, string file, string holder);
}
