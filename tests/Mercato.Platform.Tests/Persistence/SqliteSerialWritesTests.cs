using Mercato.Platform.Persistence;
using Mercato.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Mercato.Platform.Tests.Persistence;

/// <summary>
/// The serialised SQLite write path on a real file: transactions, autocommit write statements and
/// synchronous saves of many contexts queue in the process for the file's one writer slot, so
/// SQLite never reports the file busy; the slot comes back after a rollback or an uncommitted
/// dispose; a writer outside the process (an operator's <c>sqlite3</c>) is waited for, counted and
/// logged; and a reader kept waiting is counted apart from the writers.
/// </summary>
public sealed class SqliteSerialWritesTests : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private readonly CapturedLogs _logs = new();
    private readonly SqliteSerialWrites _writes;

    public SqliteSerialWritesTests() => _writes = new SqliteSerialWrites(_logs.CreateLogger<SqliteSerialWrites>());

    private string File => _folder.Combine("serial.db");

    private SqliteWriteLock Lock => SqliteWriteLock.For(File);

    public async ValueTask InitializeAsync()
    {
        await using var db = Context();
        await db.Database.EnsureCreatedAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        db.Rows.Add(new RaceRow { Id = 1, Key = "counter", Quantity = 1 });
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Parallel_transactions_autocommit_updates_and_inserts_all_land_without_a_busy_file()
    {
        var before = (Lock.Queued, Lock.BusyRetries);

        // One writer holds the slot while the others start, so they must queue behind it (on two
        // cores the 48 tasks could otherwise run one after another and never meet).
        await using var holder = Context();
        var held = await holder.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await holder.Rows.Where(r => r.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(r => r.Quantity, r => r.Quantity + 1), TestContext.Current.CancellationToken);

        var writers = Task.WhenAll(Enumerable.Range(0, 48).Select(i => Task.Run(async () =>
        {
            await using var db = Context();
            switch (i % 3)
            {
                case 0: // an explicit transaction that reads, then writes
                    await using (var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken))
                    {
                        var row = await db.Rows.SingleAsync(r => r.Id == 1, TestContext.Current.CancellationToken);
                        row.Quantity += 1;
                        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
                        await transaction.CommitAsync(TestContext.Current.CancellationToken);
                    }

                    break;
                case 1: // an autocommit write statement
                    await db.Rows.Where(r => r.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(r => r.Quantity, r => r.Quantity + 1), TestContext.Current.CancellationToken);
                    break;
                default: // a synchronous save of one insert
                    db.Rows.Add(new RaceRow { Id = 100 + i, Key = "row-" + i, Quantity = 1 });
#pragma warning disable CA1849 // The synchronous path is the one under test.
                    db.SaveChanges();
#pragma warning restore CA1849
                    break;
            }
        }, TestContext.Current.CancellationToken)));

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Lock.Queued == before.Queued && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        await held.CommitAsync(TestContext.Current.CancellationToken);
        await held.DisposeAsync();
        await writers;

        await using var check = Context();
        Assert.Equal(1 + 1 + 32, (await check.Rows.SingleAsync(r => r.Id == 1, TestContext.Current.CancellationToken)).Quantity);
        Assert.Equal(1 + 16, await check.Rows.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(before.BusyRetries, Lock.BusyRetries);
        Assert.True(Lock.Queued > before.Queued, "the writers should have queued for the writer slot");
        Assert.Empty(_logs.AtLeast(LogLevel.Warning));
    }

    [Fact]
    public async Task A_rolled_back_or_uncommitted_transaction_gives_the_slot_back()
    {
        using var quick = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        quick.CancelAfter(TimeSpan.FromSeconds(10)); // far below the 30 s the slot would stay taken

        await using (var db = Context())
        {
            await using var rolledBack = await db.Database.BeginTransactionAsync(quick.Token);
            await db.Rows.Where(r => r.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(r => r.Quantity, 50), quick.Token);
            await rolledBack.RollbackAsync(quick.Token);
        }

        await using (var db = Context())
        {
            var abandoned = await db.Database.BeginTransactionAsync(quick.Token);
            await db.Rows.Where(r => r.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(r => r.Quantity, 60), quick.Token);
            await abandoned.DisposeAsync(); // neither committed nor rolled back: SQLite rolls it back
        }

        await using (var db = Context())
        {
            await using var next = await db.Database.BeginTransactionAsync(quick.Token);
            await db.Rows.Where(r => r.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(r => r.Quantity, r => r.Quantity + 1), quick.Token);
            await next.CommitAsync(quick.Token);
        }

        await using var check = Context();
        Assert.Equal(2, (await check.Rows.SingleAsync(r => r.Id == 1, quick.Token)).Quantity);
    }

    [Fact]
    public async Task A_writer_outside_the_process_is_waited_for_counted_and_logged()
    {
        var before = Lock.BusyRetries;
        await using var outsider = new SqliteConnection($"Data Source={File};Pooling=false");
        await outsider.OpenAsync(TestContext.Current.CancellationToken);
        var foreign = (SqliteTransaction)await outsider.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using (var command = outsider.CreateCommand())
        {
            command.Transaction = foreign;
            command.CommandText = "UPDATE race_rows SET \"Quantity\" = \"Quantity\" + 10 WHERE \"Id\" = 1";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using var db = Context();
        // Microsoft.Data.Sqlite runs statements synchronously: the write waits on a thread of its own.
        var write = Task.Run(
            () => db.Rows.Where(r => r.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(r => r.Quantity, r => r.Quantity + 1), TestContext.Current.CancellationToken),
            TestContext.Current.CancellationToken);
        await MercatoProcess.EventuallyAsync(() => Task.FromResult(Lock.BusyRetries), n => n > before, TimeSpan.FromSeconds(10));
        Assert.False(write.IsCompleted);
        await foreign.CommitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, await write);
        await using var check = Context();
        Assert.Equal(12, (await check.Rows.SingleAsync(r => r.Id == 1, TestContext.Current.CancellationToken)).Quantity);
        var busy = Assert.Single(_logs.Entries, e => e.EventId.Id == 1220);
        Assert.Equal(LogLevel.Warning, busy.Level);
        Assert.Contains(File, busy.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_kept_waiting_by_another_connection_is_counted_apart_from_the_writers()
    {
        SqliteConnection.ClearAllPools();
        var before = (Lock.BusyRetries, Lock.ReaderBusyRetries);
        var outsider = new SqliteConnection($"Data Source={File};Pooling=false");
        await outsider.OpenAsync(TestContext.Current.CancellationToken);
        await using (var command = outsider.CreateCommand())
        {
            // An exclusive-mode writer (an operator's sqlite3 with locking_mode=EXCLUSIVE) keeps even readers out.
            command.CommandText = "PRAGMA locking_mode=EXCLUSIVE; BEGIN IMMEDIATE; UPDATE race_rows SET \"Quantity\" = 5 WHERE \"Id\" = 1;";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using var db = Context();
        var read = Task.Run(
            () => db.Rows.AsNoTracking().SingleAsync(r => r.Id == 1, TestContext.Current.CancellationToken),
            TestContext.Current.CancellationToken);
        await MercatoProcess.EventuallyAsync(() => Task.FromResult(Lock.ReaderBusyRetries), n => n > before.ReaderBusyRetries, TimeSpan.FromSeconds(10));
        Assert.False(read.IsCompleted);
        await using (var commit = outsider.CreateCommand())
        {
            commit.CommandText = "COMMIT;";
            await commit.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await outsider.DisposeAsync();
        Assert.Equal(5, (await read).Quantity);
        Assert.Equal(before.BusyRetries, Lock.BusyRetries);
        Assert.DoesNotContain(_logs.Entries, e => e.EventId.Id == 1220);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 1223 && e.Level == LogLevel.Debug);
    }

    [Fact]
    public async Task A_writer_that_waits_too_long_names_the_write_holding_the_slot_and_that_hold_is_reported_when_it_ends()
    {
        // A one-second budget: the waiter gives up after 1 s, a hold of a sixth of that is reported.
        await using var holder = Context(timeoutSeconds: 1);
        var held = await holder.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await holder.Rows.Where(r => r.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(r => r.Quantity, 70), TestContext.Current.CancellationToken);
        Assert.StartsWith("a transaction took it ", Lock.DescribeHolder(), StringComparison.Ordinal);

        await using var waiter = Context(timeoutSeconds: 1);
        waiter.Rows.Add(new RaceRow { Id = 500, Key = "waiter", Quantity = 1 });
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => waiter.SaveChangesAsync(TestContext.Current.CancellationToken));
        var timeout = Assert.IsType<TimeoutException>(refused.InnerException ?? refused);
        Assert.Contains("could begin within 1 s: a transaction took it ", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("last statement: UPDATE \"race_rows\"", timeout.Message, StringComparison.Ordinal);
        var timedOut = Assert.Single(_logs.Entries, e => e.EventId.Id == 1222);
        Assert.Equal(LogLevel.Error, timedOut.Level);
        Assert.Contains(timeout.Message, timedOut.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Entries, e => e.EventId.Id == 1224);

        await held.CommitAsync(TestContext.Current.CancellationToken);
        Assert.Null(Lock.DescribeHolder());
        var longHold = Assert.Single(_logs.Entries, e => e.EventId.Id == 1224);
        Assert.Equal(LogLevel.Warning, longHold.Level);
        Assert.Contains(File, longHold.Message, StringComparison.Ordinal);
        Assert.Contains("a transaction took it ", longHold.Message, StringComparison.Ordinal);

        await using var check = Context();
        Assert.Equal(70, (await check.Rows.SingleAsync(r => r.Id == 1, TestContext.Current.CancellationToken)).Quantity);
        Assert.False(await check.Rows.AnyAsync(r => r.Id == 500, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Parallel_saves_that_lose_a_unique_race_give_the_slot_back()
    {
        for (var round = 0; round < 20; round++)
        {
            var key = "dup-" + round;
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
            {
                await using var db = Context(timeoutSeconds: 5);
                db.Rows.Add(new RaceRow { Id = 1000 + (round * 10) + i, Key = key, Quantity = 1 });
                db.Rows.Add(new RaceRow { Id = 5000 + (round * 10) + i, Key = key + "-" + i, Quantity = 1 });
                try
                {
                    await db.SaveChangesAsync(TestContext.Current.CancellationToken);
                    return "saved";
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                    return await db.Rows.AnyAsync(r => r.Key == key, TestContext.Current.CancellationToken) ? "lost" : "?";
                }
            }, TestContext.Current.CancellationToken)));
            Assert.Single(outcomes, o => o == "saved");
            Assert.All(outcomes.Where(o => o != "saved"), o => Assert.Equal("lost", o));
            Assert.Null(Lock.DescribeHolder());
        }
    }

    [Fact]
    public async Task A_failed_save_of_a_pooled_context_that_once_opened_its_connection_gives_the_slot_back()
    {
        var pool = PoolOfOne();

        // A read that opens the connection for its statements (as the product list and details do).
        await using (var reader = await pool.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            await reader.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            await reader.Rows.AsNoTracking().CountAsync(TestContext.Current.CancellationToken);
        }

        // The same pooled context loses a unique race in a save that needs a transaction.
        await using (var writer = await pool.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            writer.Rows.Add(new RaceRow { Id = 600, Key = "counter", Quantity = 1 });
            writer.Rows.Add(new RaceRow { Id = 601, Key = "other", Quantity = 1 });
            await Assert.ThrowsAsync<DbUpdateException>(() => writer.SaveChangesAsync(TestContext.Current.CancellationToken));
        }

        Assert.Null(Lock.DescribeHolder());
        await using var next = Context(timeoutSeconds: 2);
        await next.Rows.Where(r => r.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(r => r.Quantity, 9), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_held_connection_is_closed_again_so_a_later_failed_save_of_the_pooled_context_frees_the_slot_at_once()
    {
        var pool = PoolOfOne();

        await using (var reader = await pool.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            await using var connection = await HeldConnection.OpenAsync(reader.Database, TestContext.Current.CancellationToken);
            await reader.Rows.AsNoTracking().CountAsync(TestContext.Current.CancellationToken);
            await reader.Rows.AsNoTracking().AnyAsync(r => r.Id == 1, TestContext.Current.CancellationToken);
            Assert.Equal(System.Data.ConnectionState.Open, reader.Database.GetDbConnection().State);
        }

        await using var writer = await pool.CreateDbContextAsync(TestContext.Current.CancellationToken);
        await writer.Rows.AsNoTracking().CountAsync(TestContext.Current.CancellationToken);
        Assert.Equal(System.Data.ConnectionState.Closed, writer.Database.GetDbConnection().State);
        writer.Rows.Add(new RaceRow { Id = 602, Key = "counter", Quantity = 1 });
        writer.Rows.Add(new RaceRow { Id = 603, Key = "another", Quantity = 1 });
        await Assert.ThrowsAsync<DbUpdateException>(() => writer.SaveChangesAsync(TestContext.Current.CancellationToken));
        Assert.Null(Lock.DescribeHolder());
    }

    [Fact]
    public async Task A_short_write_is_not_reported_and_leaves_the_slot_free()
    {
        await using var db = Context();
        await db.Rows.Where(r => r.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(r => r.Quantity, 3), TestContext.Current.CancellationToken);
        db.Rows.Add(new RaceRow { Id = 501, Key = "short", Quantity = 1 });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        Assert.Null(Lock.DescribeHolder());
        Assert.DoesNotContain(_logs.Entries, e => e.EventId.Id is 1222 or 1224);
    }

    [Fact]
    public void A_holders_statement_is_named_on_one_line_and_cut_after_160_characters()
    {
        Assert.Equal("UPDATE race_rows SET a = 1 WHERE b = 2", SqliteWriteHold.Shorten("UPDATE race_rows\r\n  SET a = 1\n\tWHERE b = 2\n"));
        var longStatement = "INSERT INTO t VALUES (" + string.Join(", ", Enumerable.Range(0, 100)) + ")";
        var shortened = SqliteWriteHold.Shorten(longStatement);
        Assert.Equal(163, shortened.Length);
        Assert.Equal(longStatement[..160] + "...", shortened);
    }

    [Theory]
    [InlineData("SELECT 1", false)]
    [InlineData("-- tag\n\n  select * from t", false)]
    [InlineData("/* c */ SELECT 1", false)]
    [InlineData("UPDATE t SET a = 1", true)]
    [InlineData("-- tag\nDELETE FROM t", true)]
    [InlineData("INSERT INTO t VALUES (1) RETURNING a", true)]
    [InlineData("PRAGMA journal_mode=WAL;", true)]
    public void Statements_other_than_queries_count_as_writes(string sql, bool write)
        => Assert.Equal(write, SqliteSerialWrites.IsWrite(sql));

    /// <summary>A context pool that hands out the same context each time (as the app's pooled contexts are reused).</summary>
    private PooledDbContextFactory<RaceDbContext> PoolOfOne() => new(
        new DbContextOptionsBuilder<RaceDbContext>().UseSqlite($"Data Source={File};Default Timeout=2").AddInterceptors(_writes).Options,
        poolSize: 1);

    private RaceDbContext Context(int timeoutSeconds = 30) => new(new DbContextOptionsBuilder<RaceDbContext>()
        .UseSqlite($"Data Source={File};Default Timeout={timeoutSeconds}")
        .AddInterceptors(_writes)
        .Options);
}
