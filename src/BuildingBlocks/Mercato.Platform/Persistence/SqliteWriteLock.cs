using System.Collections.Concurrent;
using System.Diagnostics;

namespace Mercato.Platform.Persistence;

/// <summary>
/// The one writer slot of a SQLite database file in this process. SQLite lets one connection
/// write at a time; instead of letting writers collide on the file lock (and sleep until SQLite or
/// Microsoft.Data.Sqlite retries), writers queue here, awake, and each begins its transaction only
/// once it holds the slot. Readers never take it (WAL lets them read while one writer writes).
/// There is one instance per file for the whole process, whatever the DbContext or service
/// provider, because the file lock it stands in for is process-wide too.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "One per database file for the process's lifetime, like the file it guards.")]
public sealed class SqliteWriteLock
{
    private static readonly ConcurrentDictionary<string, SqliteWriteLock> Files = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _slot = new(1, 1);
    private long _writes;
    private long _queued;
    private long _busyRetries;
    private long _readerBusyRetries;
    private SqliteWriteHold? _holder;

    private SqliteWriteLock(string file) => File = file;

    /// <summary>The database file's full path.</summary>
    public string File { get; }

    /// <summary>Write transactions and autocommit write statements that took the slot.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Of <see cref="Writes"/>, those that found the slot taken and queued for it.</summary>
    public long Queued => Interlocked.Read(ref _queued);

    /// <summary>
    /// How often SQLite reported the file busy and a connection waited for it. Writers of this
    /// process never meet each other on the file lock, so this counts only contention with
    /// another process (a migrator, an operator's <c>sqlite3</c>): it stays 0 otherwise.
    /// </summary>
    public long BusyRetries => Interlocked.Read(ref _busyRetries);

    /// <summary>
    /// How often SQLite made a reader of this process wait (WAL lets a reader wait a moment while
    /// another connection updates the WAL index); no write is involved, so it is counted apart.
    /// </summary>
    public long ReaderBusyRetries => Interlocked.Read(ref _readerBusyRetries);

    /// <summary>The slot of the database file at <paramref name="file"/>.</summary>
    public static SqliteWriteLock For(string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        return Files.GetOrAdd(Path.GetFullPath(file), static f => new SqliteWriteLock(f));
    }

    /// <summary>
    /// Who holds the slot right now (what it runs and for how long), or null when it is free: what a
    /// writer that gave up waiting reports, so the write that kept the others out can be found.
    /// </summary>
    public string? DescribeHolder() => Volatile.Read(ref _holder)?.Describe();

    /// <summary>Waits for the slot; the returned hold gives it back once released.</summary>
    /// <param name="holder">What takes the slot (a transaction, a statement), reported while it holds it.</param>
    /// <param name="timeout">How long to wait for it.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <exception cref="TimeoutException">The slot stayed taken for <paramref name="timeout"/>.</exception>
    internal async ValueTask<SqliteWriteHold> EnterAsync(string holder, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _writes);
        if (!_slot.Wait(0, CancellationToken.None))
        {
            Interlocked.Increment(ref _queued);
            if (!await _slot.WaitAsync(timeout, cancellationToken))
            {
                throw TimedOut(timeout);
            }
        }

        return Taken(holder);
    }

    /// <summary>Waits for the slot, blocking the caller (the synchronous EF Core paths).</summary>
    /// <param name="holder">What takes the slot (a transaction, a statement), reported while it holds it.</param>
    /// <param name="timeout">How long to wait for it.</param>
    /// <exception cref="TimeoutException">The slot stayed taken for <paramref name="timeout"/>.</exception>
    internal SqliteWriteHold Enter(string holder, TimeSpan timeout)
    {
        Interlocked.Increment(ref _writes);
        if (!_slot.Wait(0))
        {
            Interlocked.Increment(ref _queued);
            if (!_slot.Wait(timeout))
            {
                throw TimedOut(timeout);
            }
        }

        return Taken(holder);
    }

    internal void Exit(SqliteWriteHold hold)
    {
        Interlocked.CompareExchange(ref _holder, null, hold);
        _slot.Release();
    }

    internal void CountBusyRetry() => Interlocked.Increment(ref _busyRetries);

    internal void CountReaderBusyRetry() => Interlocked.Increment(ref _readerBusyRetries);

    private SqliteWriteHold Taken(string holder)
    {
        var hold = new SqliteWriteHold(this, holder, Activity.Current?.DisplayName, Environment.CurrentManagedThreadId);
        Volatile.Write(ref _holder, hold);
        return hold;
    }

    private TimeoutException TimedOut(TimeSpan timeout) =>
        new($"No write to the SQLite database '{File}' could begin within {timeout.TotalSeconds:0} s: "
            + $"{DescribeHolder() ?? "another write held it all that time (it has just ended)"}.");
}
