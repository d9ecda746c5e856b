using Mercato.Platform.Persistence;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Mercato.Platform.Tests.Persistence;

/// <summary>
/// The one retry policy for racing writes, against real databases: it retries lost races (a
/// concurrency token that changed, a unique key taken meanwhile) and nothing else, stops when the
/// caller cancels, logs each retry below Warning, and gives up after its bound.
/// </summary>
public abstract class ConcurrentWritesTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private readonly ConcurrentWrites _writes;

    protected ConcurrentWritesTests() => _writes = new ConcurrentWrites(_logs.CreateLogger<ConcurrentWrites>());

    /// <summary>Options for a fresh, empty database of <see cref="RaceDbContext"/>.</summary>
    protected abstract DbContextOptions<RaceDbContext> Options { get; }

    public virtual async ValueTask InitializeAsync()
    {
        await using var db = new RaceDbContext(Options);
        await db.Database.EnsureCreatedAsync();
        db.Rows.Add(new RaceRow { Id = 1, Key = "taken", Quantity = 1 });
        await db.SaveChangesAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        await using var db = new RaceDbContext(Options);
        await db.Database.EnsureDeletedAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_unique_key_taken_meanwhile_is_tried_again_and_logged_at_debug()
    {
        await using var db = new RaceDbContext(Options);
        var attempts = 0;

        var saved = await _writes.RetryAsync(db, async () =>
        {
            attempts++;
            db.Rows.Add(new RaceRow { Id = 10 + attempts, Key = attempts < 3 ? "taken" : "free", Quantity = 1 });
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }, _ => -1, TestContext.Current.CancellationToken);

        Assert.Equal(1, saved);
        Assert.Equal(3, attempts);
        var retries = _logs.Entries.Where(e => e.EventId.Id == 1210).ToList();
        Assert.Equal(2, retries.Count);
        Assert.All(retries, e => Assert.Equal(LogLevel.Debug, e.Level));
        Assert.Empty(_logs.AtLeast(LogLevel.Warning));
        await using var check = new RaceDbContext(Options);
        Assert.Equal(["free", "taken"], await check.Rows.OrderBy(r => r.Key).Select(r => r.Key).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_concurrency_token_changed_meanwhile_is_tried_again_from_fresh_state()
    {
        await using var db = new RaceDbContext(Options);
        var attempts = 0;

        await _writes.RetryAsync(db, async () =>
        {
            attempts++;
            var row = await db.Rows.SingleAsync(r => r.Id == 1, TestContext.Current.CancellationToken);
            if (attempts == 1)
            {
                // Another writer gets in between this read and this write.
                await using var other = new RaceDbContext(Options);
                await other.Rows.Where(r => r.Id == 1).ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.Quantity, r => r.Quantity + 100).SetProperty(r => r.Version, r => r.Version + 1),
                    TestContext.Current.CancellationToken);
            }

            row.Quantity += 1;
            row.Version += 1;
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }, _ => -1, TestContext.Current.CancellationToken);

        Assert.Equal(2, attempts);
        await using var check = new RaceDbContext(Options);
        Assert.Equal(102, (await check.Rows.SingleAsync(r => r.Id == 1, TestContext.Current.CancellationToken)).Quantity);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 1210 && e.Message.Contains(nameof(DbUpdateConcurrencyException), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Other_database_failures_are_not_retried()
    {
        await using var db = new RaceDbContext(Options);
        var attempts = 0;

        await Assert.ThrowsAsync<DbUpdateException>(() => _writes.RetryAsync(db, async () =>
        {
            attempts++;
            db.Rows.Add(new RaceRow { Id = 20 + attempts, Key = "bad-" + attempts, Quantity = 0 }); // breaks the check constraint
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }, _ => -1, TestContext.Current.CancellationToken));

        Assert.Equal(1, attempts);
        Assert.Empty(_logs.Entries);
    }

    [Fact]
    public async Task Exceptions_that_are_not_database_conflicts_are_not_retried()
    {
        await using var db = new RaceDbContext(Options);
        var attempts = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => _writes.RetryAsync<int>(db, () =>
        {
            attempts++;
            throw new InvalidOperationException("not a race");
        }, _ => -1, TestContext.Current.CancellationToken));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task It_gives_up_after_its_bound_with_the_last_conflict()
    {
        await using var db = new RaceDbContext(Options);
        var attempts = 0;
        DbUpdateException? last = null;

        var answer = await _writes.RetryAsync(db, async () =>
        {
            attempts++;
            db.Rows.Add(new RaceRow { Id = 30 + attempts, Key = "taken", Quantity = 1 });
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }, conflict => { last = conflict; return -1; }, TestContext.Current.CancellationToken, maxAttempts: 4);

        Assert.Equal(-1, answer);
        Assert.Equal(4, attempts);
        Assert.True(WriteConflicts.IsConflict(last!));
        Assert.Equal(3, _logs.Entries.Count(e => e.EventId.Id == 1210));
        Assert.Equal(LogLevel.Information, Assert.Single(_logs.Entries, e => e.EventId.Id == 1211).Level);
        Assert.Empty(_logs.AtLeast(LogLevel.Warning));
    }

    [Fact]
    public async Task Without_a_fallback_the_last_conflict_is_thrown()
    {
        await using var db = new RaceDbContext(Options);
        var attempts = 0;

        var thrown = await Assert.ThrowsAnyAsync<DbUpdateException>(() => _writes.RetryAsync(db, async () =>
        {
            attempts++;
            db.Rows.Add(new RaceRow { Id = 40 + attempts, Key = "taken", Quantity = 1 });
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }, TestContext.Current.CancellationToken, maxAttempts: 2));

        Assert.Equal(2, attempts);
        Assert.True(WriteConflicts.IsUniqueViolation(thrown));
    }

    [Fact]
    public async Task A_cancelled_caller_stops_the_retries()
    {
        await using var db = new RaceDbContext(Options);
        using var request = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var attempts = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _writes.RetryAsync(db, async () =>
        {
            attempts++;
            await request.CancelAsync(); // the caller goes away while the first attempt loses its race
            db.Rows.Add(new RaceRow { Id = 50 + attempts, Key = "taken", Quantity = 1 });
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }, _ => -1, request.Token));

        Assert.Equal(1, attempts);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteConcurrentWritesTests : ConcurrentWritesTests
{
    private readonly TempDirectory _folder = new();

    protected override DbContextOptions<RaceDbContext> Options => new DbContextOptionsBuilder<RaceDbContext>()
        .UseSqlite($"Data Source={_folder.Combine("race.db")};Pooling=false").Options;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresConcurrentWritesTests : ConcurrentWritesTests
{
    private readonly string _database = TestInfrastructure.UniqueName("mercato_race");

    protected override DbContextOptions<RaceDbContext> Options => new DbContextOptionsBuilder<RaceDbContext>()
        .UseNpgsql(new NpgsqlConnectionStringBuilder(TestInfrastructure.Postgres) { Database = _database }.ConnectionString).Options;
}

/// <summary>A table with a unique key, a concurrency token and a check constraint.</summary>
public sealed class RaceDbContext(DbContextOptions<RaceDbContext> options) : DbContext(options)
{
    public DbSet<RaceRow> Rows => Set<RaceRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<RaceRow>(e =>
        {
            e.ToTable("race_rows", t => t.HasCheckConstraint("CK_race_rows_quantity", "\"Quantity\" > 0"));
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Key).HasMaxLength(40);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => r.Key).IsUnique();
        });
}

/// <summary>A row of <see cref="RaceDbContext"/>.</summary>
public sealed class RaceRow
{
    public int Id { get; set; }

    public required string Key { get; set; }

    public int Quantity { get; set; }

    public long Version { get; set; }
}
