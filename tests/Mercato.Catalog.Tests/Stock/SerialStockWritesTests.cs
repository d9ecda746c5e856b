using System.Net;
using Mercato.Catalog.Tests.Support;
using Mercato.Platform.Persistence;
using Mercato.Testing;

namespace Mercato.Catalog.Tests.Stock;

/// <summary>
/// Many parallel stock writers on one database with the serialised write path: every reservation
/// succeeds, the stock is exact, and on SQLite the writers queued in the process for the file's
/// one writer slot instead of meeting on SQLite's file lock (whose busy retries would sleep).
/// </summary>
public abstract class SerialStockWritesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : StockFactory
{
    private const string Url = "/api/v1/catalog/reservations";
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>The factory under test.</summary>
    protected TFactory Factory => factory;

    [Fact]
    public async Task Sixty_four_parallel_reservations_all_succeed_with_exact_stock_and_no_busy_file()
    {
        var token = await _client.ServiceTokenAsync();
        var product = await factory.ProductAsync(64);
        var before = Snapshot();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 64).Select(async _ =>
        {
            using var response = await _client.SendAsync(HttpMethod.Post, Url, token, StockFixtures.Reserve(Guid.NewGuid(), (product, 1)));
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.Equal((64, 64), await factory.StockOfAsync(product));
        Assert.Equal(64, (await factory.LedgerOfAsync(product)).Count(l => l.ReservedChange == 1));
        await factory.AssertLedgerAddsUpAsync(product);
        AssertWritersQueuedInProcess(before, Snapshot());
    }

    [Fact]
    public async Task Parallel_reservations_beyond_the_stock_never_oversell()
    {
        var token = await _client.ServiceTokenAsync();
        var product = await factory.ProductAsync(20);
        var before = Snapshot();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 64).Select(async i =>
        {
            using var response = await _client.SendAsync(HttpMethod.Post, Url, token, StockFixtures.Reserve(Guid.NewGuid(), (product, 1 + (i % 2))));
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"reserve answered {response.StatusCode}");
            return (response.StatusCode, Units: 1 + (i % 2));
        }));

        var held = statuses.Where(s => s.StatusCode == HttpStatusCode.Created).Sum(s => s.Units);
        Assert.InRange(held, 19, 20);
        Assert.Equal((20, held), await factory.StockOfAsync(product));
        await factory.AssertLedgerAddsUpAsync(product);
        AssertWritersQueuedInProcess(before, Snapshot());
    }

    /// <summary>The catalog database's write counters, or null where writes are not serialised in process.</summary>
    protected abstract (long Queued, long BusyRetries)? Snapshot();

    private void AssertWritersQueuedInProcess((long Queued, long BusyRetries)? before, (long Queued, long BusyRetries)? after)
    {
        if (before is not { } b || after is not { } a)
        {
            return;
        }

        Assert.Equal(b.BusyRetries, a.BusyRetries);
        Assert.True(a.Queued > b.Queued, "the parallel writers should have queued for the file's writer slot");
        Assert.DoesNotContain(factory.Logs.Entries, e => e.EventId.Id is 1220 or 1221 or 1222);
    }
}

/// <summary>On SQLite: the writers queue in the process and SQLite never reports the file busy.</summary>
public sealed class SqliteSerialStockWritesTests(StockFactory factory) : SerialStockWritesTests<StockFactory>(factory)
{
    protected override (long Queued, long BusyRetries)? Snapshot()
    {
        var writes = SqliteWriteLock.For(Path.Combine(Factory.DataDirectory, "catalog.db"));
        return (writes.Queued, writes.BusyRetries);
    }
}

/// <summary>On PostgreSQL (conditional updates, no in-process queue).</summary>
public sealed class PostgresSerialStockWritesTests(PostgresStockFactory factory) : SerialStockWritesTests<PostgresStockFactory>(factory)
{
    protected override (long Queued, long BusyRetries)? Snapshot() => null;
}
