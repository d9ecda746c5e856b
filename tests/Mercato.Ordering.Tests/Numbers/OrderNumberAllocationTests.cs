using Mercato.Ordering.Numbers;
using Mercato.Ordering.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Ordering.Tests.Numbers;

/// <summary>Order numbers from the real database: distinct, consecutive and per year, under concurrency.</summary>
public abstract class OrderNumberAllocationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OrderingFactory
{
    // Starts the host before any test runs allocations in parallel (a first start is not thread-safe).
    private readonly IServiceProvider _started = factory.Services;

    // Each test uses its own year so tests sharing the fixture's database never share a counter.
    [Fact]
    public async Task Fifty_parallel_allocations_get_fifty_distinct_consecutive_numbers()
    {
        const int year = 2101;
        Assert.NotNull(_started);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => AllocateAsync(year, commit: true))));

        Assert.Equal(50, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 50).Select(n => OrderNumber.Format(year, n)), numbers.Order(StringComparer.Ordinal));
        Assert.Equal(50, await LastAsync(year));
    }

    [Fact]
    public async Task Numbers_increase_one_by_one_and_each_year_starts_at_one()
    {
        Assert.Equal("ORD-2102-000001", await AllocateAsync(2102, commit: true));
        Assert.Equal("ORD-2102-000002", await AllocateAsync(2102, commit: true));
        Assert.Equal("ORD-2103-000001", await AllocateAsync(2103, commit: true));
        Assert.Equal("ORD-2102-000003", await AllocateAsync(2102, commit: true));
    }

    [Fact]
    public async Task A_rolled_back_allocation_leaves_no_gap()
    {
        Assert.Equal("ORD-2104-000001", await AllocateAsync(2104, commit: true));
        Assert.Equal("ORD-2104-000002", await AllocateAsync(2104, commit: false));
        Assert.Equal("ORD-2104-000002", await AllocateAsync(2104, commit: true));
        Assert.Equal(2, await LastAsync(2104));
    }

    private Task<string> AllocateAsync(int year, bool commit) => factory.WithOrderingDbAsync(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        var number = await OrderNumbers.NextAsync(db, year, TestContext.Current.CancellationToken);
        if (commit)
        {
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(TestContext.Current.CancellationToken);
        }

        return number;
    });

    private Task<long> LastAsync(int year) => factory.WithOrderingDbAsync(
        db => db.OrderNumberCounters.AsNoTracking().Where(c => c.Year == year).Select(c => c.Last).SingleAsync());
}

/// <summary>On SQLite.</summary>
public sealed class SqliteOrderNumberAllocationTests(OrderingFactory factory) : OrderNumberAllocationTests<OrderingFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresOrderNumberAllocationTests(PostgresOrderingFactory factory) : OrderNumberAllocationTests<PostgresOrderingFactory>(factory);
