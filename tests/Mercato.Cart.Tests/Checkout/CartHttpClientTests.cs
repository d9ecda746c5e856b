using System.Net;
using Mercato.Cart.Client;
using Mercato.Cart.Contracts;
using Mercato.Cart.Coupons;
using Mercato.Cart.Tests.Discounts;
using Mercato.Cart.Tests.Support;
using Mercato.Platform.Correlation;
using Mercato.Platform.Http;
using Mercato.Testing;
using Microsoft.Extensions.DependencyInjection;
using Polly.Timeout;
using Fault = Mercato.Testing.NetworkFaults.Fault;

namespace Mercato.Cart.Tests.Checkout;

/// <summary>
/// What only the HTTP cart client does: service token, correlation id and a guest's key (in its
/// header, never the URL) on every call; retries, timeouts and the documented exception, with a
/// faulty network in front of the real Cart test server; refusals read from the Cart's envelopes.
/// </summary>
public sealed class CartHttpClientTests(CartFactory factory) : IClassFixture<CartFactory>
{
    /// <summary>Two retries, 10 ms apart, so that attempts are countable and quick.</summary>
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Services:Cart:Resilience:Retry:MaxRetryAttempts"] = "2",
        ["Services:Cart:Resilience:Retry:Delay"] = "00:00:00.010",
        ["Services:Cart:Resilience:Retry:BackoffType"] = "Constant",
        ["Services:Cart:Resilience:Retry:UseJitter"] = "false",
    };

    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_call_carries_the_token_and_correlation_id_and_a_guest_key_only_in_its_header()
    {
        var admin = await _client.AdminTokenAsync();
        var (userId, _, token) = await _client.RegisterCustomerAsync();
        var (_, code) = await _client.SeedCartAsync(factory, admin, token);
        var (cartKey, _) = await _client.SeedCartAsync(factory, admin, token: null);
        await using var consumer = new HttpCartConsumer(factory);
        var order = Guid.NewGuid();

        using (CorrelationContext.Begin("order-7.a"))
        {
            var client = ClientOf(consumer);
            Assert.NotNull(await client.GetCartAsync(CartOwner.Guest(cartKey!), Cancel));
            Assert.NotNull(await client.GetCartAsync(CartOwner.User(userId), Cancel));
            Assert.True((await client.RedeemCouponAsync(new CouponRedemptionRequest(order, code, userId, null), Cancel)).Redeemed);
            await client.ReleaseCouponAsync(order, Cancel);
            Assert.True(await client.ClearCartAsync(CartOwner.Guest(cartKey!), Cancel));
        }

        var sent = consumer.Network.Sent.ToList();
        Assert.Equal(
            [("GET", CartHttpClient.CartsPath), ("GET", CartHttpClient.CartsPath), ("POST", CartHttpClient.RedeemPath), ("POST", CartHttpClient.ReleasePath), ("DELETE", CartHttpClient.CartsPath)],
            sent.Select(s => (s.Method, s.Path)));
        Assert.All(sent, s =>
        {
            Assert.StartsWith("Bearer ey", s.Authorization, StringComparison.Ordinal);
            Assert.Equal("order-7.a", s.CorrelationId);
            Assert.Equal("order-7.a", s.EchoedCorrelationId);
            Assert.DoesNotContain(cartKey!, s.Path + s.Query, StringComparison.Ordinal);
        });
        Assert.Equal([cartKey, null, null, null, cartKey], sent.Select(s => s.Headers.GetValueOrDefault(CartKeyHeader.Name)));
        Assert.Equal($"?userId={userId}", sent[1].Query);
        Assert.Equal(0, (await _client.CartAsync(cartKey: cartKey)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_cart_that_keeps_answering_503_is_retried_then_ends_in_the_documented_exception_and_nothing_changes()
    {
        var admin = await _client.AdminTokenAsync();
        var (userId, _, token) = await _client.RegisterCustomerAsync();
        await _client.SeedCartAsync(factory, admin, token);
        await using var consumer = new HttpCartConsumer(factory, settings: FastRetries);
        await consumer.WarmUpTokenAsync();
        consumer.Network.Plan = (_, _) => Fault.Unavailable;

        var failure = await Assert.ThrowsAsync<CartUnavailableException>(() => ClientOf(consumer).ClearCartAsync(CartOwner.User(userId), Cancel));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        Assert.Equal("Cart", failure.Dependency);
        Assert.Equal(3, consumer.Network.AttemptsAt(CartHttpClient.CartsPath));
        Assert.Equal(2, (await _client.CartAsync(token)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_read_that_meets_one_transient_503_is_retried_and_answers()
    {
        var admin = await _client.AdminTokenAsync();
        var (userId, _, token) = await _client.RegisterCustomerAsync();
        await _client.SeedCartAsync(factory, admin, token);
        await using var consumer = new HttpCartConsumer(factory, settings: FastRetries);
        consumer.Network.Plan = (request, attempt) => request.RequestUri!.AbsolutePath == CartHttpClient.CartsPath && attempt == 1 ? Fault.Unavailable : Fault.None;

        var snapshot = await ClientOf(consumer).GetCartAsync(CartOwner.User(userId), Cancel);

        Assert.Equal(863.98m, snapshot!.Total);
        Assert.Equal(2, consumer.Network.AttemptsAt(CartHttpClient.CartsPath));
    }

    [Fact]
    public async Task A_redemption_whose_answer_was_lost_is_sent_again_and_counts_once()
    {
        var code = await factory.CouponAsync(CouponType.Percentage, 10m, c => c.UsageLimit = 5);
        await using var consumer = new HttpCartConsumer(factory, settings: FastRetries);
        consumer.Network.Plan = (request, attempt) => request.RequestUri!.AbsolutePath == CartHttpClient.RedeemPath && attempt == 1 ? Fault.LoseAnswer : Fault.None;
        var order = Guid.NewGuid();

        var result = await ClientOf(consumer).RedeemCouponAsync(new CouponRedemptionRequest(order, code, Guid.NewGuid(), null), Cancel);

        Assert.True(result.Redeemed);
        Assert.Equal(2, consumer.Network.AttemptsAt(CartHttpClient.RedeemPath));
        var (times, orders) = await factory.UsesAsync(code);
        Assert.Equal(1, times);
        Assert.Equal([order], orders);
    }

    [Fact]
    public async Task Attempts_that_time_out_are_retried_and_end_in_the_documented_exception_without_a_status()
    {
        var settings = new Dictionary<string, string?>(FastRetries) { ["Services:Cart:Resilience:AttemptTimeout:Timeout"] = "00:00:00.500" };
        await using var consumer = new HttpCartConsumer(factory, settings: settings);
        await consumer.WarmUpTokenAsync();
        consumer.Network.Plan = (_, _) => Fault.Hang;

        var failure = await Assert.ThrowsAsync<CartUnavailableException>(() => ClientOf(consumer).GetCartAsync(CartOwner.User(Guid.NewGuid()), Cancel));

        Assert.Null(failure.StatusCode);
        Assert.IsType<TimeoutRejectedException>(failure.InnerException);
        Assert.Equal(3, consumer.Network.AttemptsAt(CartHttpClient.CartsPath));
    }

    [Fact]
    public async Task Refusals_answered_400_and_409_become_results_with_the_reason_and_a_bad_request_an_argument_exception()
    {
        var inactive = await factory.CouponAsync(CouponType.Percentage, 10m, c => c.Active = false);
        var usedUp = await factory.CouponAsync(CouponType.Percentage, 10m, c => c.UsageLimit = 0);
        var checkout = await _client.CheckoutTokenAsync();
        using (var answer = await _client.RedeemAsync(checkout, Guid.NewGuid(), inactive, Guid.NewGuid()))
        {
            await answer.AssertRefusedAsync(HttpStatusCode.BadRequest, "inactive");
        }

        using (var answer = await _client.RedeemAsync(checkout, Guid.NewGuid(), usedUp, Guid.NewGuid()))
        {
            await answer.AssertRefusedAsync(HttpStatusCode.Conflict, "exhausted");
        }

        await using var consumer = new HttpCartConsumer(factory);
        var client = ClientOf(consumer);

        var off = await client.RedeemCouponAsync(new CouponRedemptionRequest(Guid.NewGuid(), inactive, Guid.NewGuid(), null), Cancel);
        var gone = await client.RedeemCouponAsync(new CouponRedemptionRequest(Guid.NewGuid(), usedUp, null, "guest@example.com"), Cancel);
        var bad = await Assert.ThrowsAsync<ArgumentException>(
            () => client.RedeemCouponAsync(new CouponRedemptionRequest(Guid.NewGuid(), inactive, null, "not-an-email"), Cancel));

        Assert.Equal(new CouponRedemptionResult(false, CouponRefusal.Inactive, $"Coupon '{inactive}' is not active"), off);
        Assert.Equal(new CouponRedemptionResult(false, CouponRefusal.Exhausted, $"Coupon '{usedUp}' has been used up"), gone);
        Assert.Contains("customerEmail", bad.Message, StringComparison.Ordinal);
        Assert.Equal(3, consumer.Network.Sent.Count);
        Assert.Equal((0, 0), ((await factory.UsesAsync(inactive)).TimesRedeemed, (await factory.UsesAsync(usedUp)).TimesRedeemed));
    }

    [Fact]
    public async Task A_service_without_the_checkout_scope_gets_the_documented_exception_with_403_sent_once()
    {
        await using var consumer = new HttpCartConsumer(factory, CartFactory.ReportsClient, FastRetries);

        var failure = await Assert.ThrowsAsync<CartUnavailableException>(() => ClientOf(consumer).GetCartAsync(CartOwner.User(Guid.NewGuid()), Cancel));

        Assert.Equal(HttpStatusCode.Forbidden, failure.StatusCode);
        Assert.Equal(1, consumer.Network.AttemptsAt(CartHttpClient.CartsPath));
    }

    private static ICartClient ClientOf(HttpCartConsumer consumer)
        => consumer.Services.CreateScope().ServiceProvider.GetRequiredService<ICartClient>();
}
