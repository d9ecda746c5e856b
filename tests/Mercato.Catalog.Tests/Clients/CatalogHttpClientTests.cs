using System.Net;
using Mercato.Catalog.Client;
using Mercato.Catalog.Contracts;
using Mercato.Catalog.Tests.Support;
using Mercato.Platform.Correlation;
using Mercato.Platform.Http;
using Mercato.Testing;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Fault = Mercato.Testing.NetworkFaults.Fault;

namespace Mercato.Catalog.Tests.Clients;

/// <summary>
/// What only the HTTP catalog client does: service token and correlation id on every call, and
/// resilience (retry of idempotent calls only, timeouts, circuit breaker), with a faulty network
/// in front of the real Catalog test server.
/// </summary>
public sealed class CatalogHttpClientTests(StockFactory factory) : IClassFixture<StockFactory>
{
    private const string Snapshots = CatalogHttpClient.SnapshotsPath;
    private const string Reservations = CatalogHttpClient.ReservationsPath;

    /// <summary>Two retries, 10 ms apart, so that attempts are countable and quick.</summary>
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Services:Catalog:Resilience:Retry:MaxRetryAttempts"] = "2",
        ["Services:Catalog:Resilience:Retry:Delay"] = "00:00:00.010",
        ["Services:Catalog:Resilience:Retry:BackoffType"] = "Constant",
        ["Services:Catalog:Resilience:Retry:UseJitter"] = "false",
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_call_carries_the_service_token_and_the_callers_correlation_id_which_the_catalog_echoes()
    {
        await using var consumer = new HttpCatalogConsumer(factory);
        var product = await factory.ProductAsync(5);
        var order = Guid.NewGuid();

        using (CorrelationContext.Begin("checkout-42.a"))
        {
            await using var scope = consumer.Services.CreateAsyncScope();
            var client = scope.ServiceProvider.GetRequiredService<ICatalogClient>();
            await client.GetProductsAsync([product], Cancel);
            await client.ReserveAsync(new ReserveStockRequest(order, [new ReservationLine(product, 1)]), Cancel);
            await client.CommitAsync(order, Cancel);
        }

        var sent = consumer.Network.Sent.ToList();
        Assert.Equal([Snapshots, Reservations, $"{Reservations}/{order}/commit"], sent.Select(s => s.Path));
        Assert.All(sent, s =>
        {
            Assert.StartsWith("Bearer ey", s.Authorization, StringComparison.Ordinal);
            Assert.Equal("checkout-42.a", s.CorrelationId);
            Assert.Equal("checkout-42.a", s.EchoedCorrelationId);
        });
        var ledger = await factory.LedgerOfAsync(product);
        Assert.All(ledger.Where(l => l.OrderId == order), l => Assert.Equal(StockFactory.OrdersClient, l.Actor));
    }

    [Fact]
    public async Task A_read_that_meets_a_transient_503_is_retried_and_answers()
    {
        await using var consumer = new HttpCatalogConsumer(factory, settings: FastRetries);
        consumer.Network.Plan = (request, attempt) => request.RequestUri!.AbsolutePath == Snapshots && attempt == 1 ? Fault.Unavailable : Fault.None;
        var product = await factory.ProductAsync(6);

        var snapshots = await ClientOf(consumer).GetProductsAsync([product], Cancel);

        Assert.Equal(6, Assert.Single(snapshots).AvailableStock);
        Assert.Equal(2, consumer.Network.AttemptsAt(Snapshots));
    }

    [Fact]
    public async Task A_reservation_whose_answer_was_lost_is_sent_again_and_holds_its_units_once()
    {
        await using var consumer = new HttpCatalogConsumer(factory, settings: FastRetries);
        consumer.Network.Plan = (request, attempt) => request.RequestUri!.AbsolutePath == Reservations && attempt == 1 ? Fault.LoseAnswer : Fault.None;
        var product = await factory.ProductAsync(10);
        var order = Guid.NewGuid();

        var result = await ClientOf(consumer).ReserveAsync(new ReserveStockRequest(order, [new ReservationLine(product, 3)]), Cancel);

        Assert.True(result.Reserved);
        Assert.Equal(2, consumer.Network.AttemptsAt(Reservations));
        Assert.Equal((10, 3), await factory.StockOfAsync(product));
        Assert.Single(await factory.ReservationsOfAsync(order));
        await factory.AssertLedgerAddsUpAsync(product);
    }

    [Fact]
    public async Task A_post_not_marked_idempotent_is_sent_once_while_a_marked_one_is_retried()
    {
        await using var consumer = new HttpCatalogConsumer(factory, settings: FastRetries);
        consumer.Network.Plan = (_, _) => Fault.Unavailable;
        var http = consumer.Services.GetRequiredService<IHttpClientFactory>().CreateClient(CatalogClientSetup.HttpClientName);
        await consumer.WarmUpTokenAsync();

        using (var plain = new HttpRequestMessage(HttpMethod.Post, Snapshots) { Content = new StringContent("{}") })
        using (var answer = await http.SendAsync(plain, Cancel))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        }

        Assert.Equal(1, consumer.Network.AttemptsAt(Snapshots));

        using (var marked = new HttpRequestMessage(HttpMethod.Post, Snapshots) { Content = new StringContent("{}") }.MarkIdempotent())
        using (var answer = await http.SendAsync(marked, Cancel))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        }

        Assert.Equal(1 + 3, consumer.Network.AttemptsAt(Snapshots));
    }

    [Fact]
    public async Task A_catalog_that_keeps_answering_503_ends_in_the_documented_exception_after_the_retries_and_changes_nothing()
    {
        await using var consumer = new HttpCatalogConsumer(factory, settings: FastRetries);
        consumer.Network.Plan = (_, _) => Fault.Unavailable;
        var product = await factory.ProductAsync(4);
        var order = Guid.NewGuid();

        var failure = await Assert.ThrowsAsync<CatalogUnavailableException>(
            () => ClientOf(consumer).ReserveAsync(new ReserveStockRequest(order, [new ReservationLine(product, 1)]), Cancel));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        Assert.Equal(3, consumer.Network.AttemptsAt(Reservations));
        Assert.Equal((4, 0), await factory.StockOfAsync(product));
    }

    [Fact]
    public async Task Attempts_that_time_out_are_retried_and_end_in_the_documented_exception_without_a_status()
    {
        var settings = new Dictionary<string, string?>(FastRetries)
        {
            ["Services:Catalog:Resilience:AttemptTimeout:Timeout"] = "00:00:00.500",
        };
        await using var consumer = new HttpCatalogConsumer(factory, settings: settings);
        consumer.Network.Plan = (_, _) => Fault.Hang;
        await consumer.WarmUpTokenAsync();

        var failure = await Assert.ThrowsAsync<CatalogUnavailableException>(() => ClientOf(consumer).GetProductsAsync([Guid.NewGuid()], Cancel));

        Assert.Null(failure.StatusCode);
        Assert.IsType<TimeoutRejectedException>(failure.InnerException);
        Assert.Equal(3, consumer.Network.AttemptsAt(Snapshots));
    }

    [Fact]
    public async Task After_repeated_failures_the_circuit_opens_and_calls_fail_without_reaching_the_network()
    {
        var settings = new Dictionary<string, string?>(FastRetries)
        {
            ["Services:Catalog:Resilience:CircuitBreaker:MinimumThroughput"] = "2",
            ["Services:Catalog:Resilience:CircuitBreaker:FailureRatio"] = "0.5",
            ["Services:Catalog:Resilience:CircuitBreaker:BreakDuration"] = "00:05:00",
        };
        await using var consumer = new HttpCatalogConsumer(factory, settings: settings);
        consumer.Network.Plan = (_, _) => Fault.Unavailable;
        await consumer.WarmUpTokenAsync();
        await Assert.ThrowsAsync<CatalogUnavailableException>(() => ClientOf(consumer).GetProductsAsync([Guid.NewGuid()], Cancel));
        var attempts = consumer.Network.AttemptsAt(Snapshots);

        var failure = await Assert.ThrowsAsync<CatalogUnavailableException>(() => ClientOf(consumer).GetProductsAsync([Guid.NewGuid()], Cancel));

        Assert.IsType<BrokenCircuitException>(failure.InnerException);
        Assert.Equal(attempts, consumer.Network.AttemptsAt(Snapshots));
    }

    [Fact]
    public async Task A_service_without_the_read_scope_gets_the_documented_exception_with_403()
    {
        await using var consumer = new HttpCatalogConsumer(factory, StockFactory.ReportsClient);

        var failure = await Assert.ThrowsAsync<CatalogUnavailableException>(() => ClientOf(consumer).GetProductsAsync([Guid.NewGuid()], Cancel));

        Assert.Equal(HttpStatusCode.Forbidden, failure.StatusCode);
        Assert.Equal(1, consumer.Network.AttemptsAt(Snapshots));
    }

    private static ICatalogClient ClientOf(HttpCatalogConsumer consumer)
        => consumer.Services.GetRequiredService<ICatalogClient>();
}
