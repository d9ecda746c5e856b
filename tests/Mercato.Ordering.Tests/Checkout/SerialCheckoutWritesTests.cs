using System.Net;
using Mercato.Ordering.Tests.Support;
using Mercato.Platform.Persistence;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Ordering.Tests.Checkout;

/// <summary>
/// Sixty-four checkouts at once with the serialised write path: each order writes Ordering, the
/// Catalog's stock and the cart (three databases, one after the other inside the order's
/// transaction). None deadlocks or fails, no unit is sold twice, and on SQLite the writers
/// queued in the process for each file's writer slot while SQLite never reported a file busy.
/// </summary>
public abstract class SerialCheckoutWritesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OrderingFactory
{
    private static readonly string[] Databases = ["ordering.db", "catalog.db", "cart.db"];
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>The factory under test.</summary>
    protected TFactory Factory => factory;

    [Fact]
    public async Task Sixty_four_parallel_checkouts_for_forty_units_place_forty_orders_without_a_busy_file()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 10.00m, stock: 40);
        var customers = new List<string>();
        foreach (var batch in Enumerable.Range(0, 64).Chunk(16))
        {
            customers.AddRange(await Task.WhenAll(batch.Select(async _ =>
            {
                var (_, _, token) = await _client.RegisterCustomerAsync();
                await _client.AddAsync(token, product, 1);
                return token;
            })));
        }

        var before = Snapshot();
        var responses = await Task.WhenAll(customers.Select(async token =>
        {
            using var response = await _client.PlaceOrderAsync(token, Shop.OrderBody());
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));
        var after = Snapshot();

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, r.Body));
        Assert.Equal(40, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.Conflict), r => Assert.Contains("INSUFFICIENT_STOCK", r.Body, StringComparison.Ordinal));
        Assert.Equal(0, await _client.StockAsync(product));
        Assert.Equal(40, await factory.WithOrderingDbAsync(db => db.OrderLines.CountAsync(l => l.ProductId == product)));
        Assert.DoesNotContain(factory.Logs.Entries, e => e.EventId.Id is 1220 or 1221 or 1222);
        if (before is not null && after is not null)
        {
            foreach (var database in Databases)
            {
                Assert.Equal((database, before[database].BusyRetries), (database, after[database].BusyRetries));
            }

            Assert.True(after["ordering.db"].Queued > before["ordering.db"].Queued, "the checkouts should have queued for Ordering's writer slot");
        }
    }

    /// <summary>Each checkout database's write counters, or null where writes are not serialised in process.</summary>
    protected abstract Dictionary<string, (long Queued, long BusyRetries)>? Snapshot();

    /// <summary>The counters of the host's SQLite files.</summary>
    protected Dictionary<string, (long Queued, long BusyRetries)> SqliteCounters() => Databases.ToDictionary(
        d => d,
        d =>
        {
            var writes = SqliteWriteLock.For(Path.Combine(factory.DataDirectory, d));
            return (writes.Queued, writes.BusyRetries);
        });
}

/// <summary>On SQLite.</summary>
public sealed class SqliteSerialCheckoutWritesTests(OrderingFactory factory) : SerialCheckoutWritesTests<OrderingFactory>(factory)
{
    protected override Dictionary<string, (long Queued, long BusyRetries)>? Snapshot() => SqliteCounters();
}

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresSerialCheckoutWritesTests(PostgresOrderingFactory factory) : SerialCheckoutWritesTests<PostgresOrderingFactory>(factory)
{
    protected override Dictionary<string, (long Queued, long BusyRetries)>? Snapshot() => null;
}
