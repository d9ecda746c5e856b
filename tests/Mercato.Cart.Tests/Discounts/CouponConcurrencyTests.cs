using System.Net;
using Mercato.Cart.Coupons;
using Mercato.Cart.Tests.Support;
using Mercato.Testing;

namespace Mercato.Cart.Tests.Discounts;

/// <summary>Parallel redemptions and releases on one provider: limits hold exactly, an order counts once.</summary>
public abstract class CouponConcurrencyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CartFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Twenty_parallel_orders_for_a_coupon_usable_once_redeem_exactly_one()
    {
        var token = await _client.CheckoutTokenAsync();
        var code = await factory.CouponAsync(CouponType.Percentage, 20m, c => c.UsageLimit = 1);

        var statuses = await RedeemInParallelAsync(token, code, Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()), _ => Guid.NewGuid());

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(19, statuses.Count(s => s == HttpStatusCode.Conflict));
        var (times, orders) = await factory.UsesAsync(code);
        Assert.Equal(1, times);
        Assert.Single(orders);
    }

    [Fact]
    public async Task Ten_parallel_retries_of_one_order_count_once_with_or_without_room_to_spare()
    {
        var token = await _client.CheckoutTokenAsync();
        foreach (int? limit in new int?[] { 1, null })
        {
            var code = await factory.CouponAsync(CouponType.FixedAmount, 5m, c => c.UsageLimit = limit);
            var orderId = Guid.NewGuid();
            var customer = Guid.NewGuid();

            var statuses = await RedeemInParallelAsync(token, code, Enumerable.Repeat(orderId, 10), _ => customer);

            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
            var (times, orders) = await factory.UsesAsync(code);
            Assert.Equal(1, times);
            Assert.Equal([orderId], orders);
        }
    }

    [Fact]
    public async Task Parallel_orders_of_one_customer_stop_at_the_per_customer_limit()
    {
        var token = await _client.CheckoutTokenAsync();
        var code = await factory.CouponAsync(CouponType.Percentage, 10m, c => (c.UsageLimit, c.PerCustomerLimit) = (100, 2));
        var customer = Guid.NewGuid();

        var statuses = await RedeemInParallelAsync(token, code, Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()), _ => customer);

        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Conflict));
        var (times, orders) = await factory.UsesAsync(code);
        Assert.Equal(2, times);
        Assert.Equal(2, orders.Count);
    }

    [Fact]
    public async Task Parallel_releases_of_one_order_give_its_use_back_once()
    {
        var token = await _client.CheckoutTokenAsync();
        var code = await factory.CouponAsync(CouponType.Percentage, 10m, c => c.UsageLimit = 5);
        var kept = Guid.NewGuid();
        var released = Guid.NewGuid();
        Assert.All(await RedeemInParallelAsync(token, code, [kept, released], _ => Guid.NewGuid()), s => Assert.Equal(HttpStatusCode.OK, s));

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _client.ReleaseAsync(token, released)));

        var (times, orders) = await factory.UsesAsync(code);
        Assert.Equal(1, times);
        Assert.Equal([kept], orders);
    }

    [Fact]
    public async Task Redeems_and_releases_of_one_order_racing_each_other_keep_the_count_equal_to_the_redemptions()
    {
        var token = await _client.CheckoutTokenAsync();
        var code = await factory.CouponAsync(CouponType.Percentage, 10m, c => c.UsageLimit = 3);
        var orderId = Guid.NewGuid();
        var customer = Guid.NewGuid();
        var other = await RedeemInParallelAsync(token, code, [Guid.NewGuid()], _ => Guid.NewGuid());
        Assert.Equal([HttpStatusCode.OK], other);

        var calls = Enumerable.Range(0, 20).Select(async i =>
        {
            if (i % 2 == 0)
            {
                using var response = await _client.RedeemAsync(token, orderId, code, customer);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            else
            {
                await _client.ReleaseAsync(token, orderId);
            }
        });
        await Task.WhenAll(calls);

        var (times, orders) = await factory.UsesAsync(code);
        Assert.Equal(orders.Count, times);
        Assert.InRange(times, 1, 2);
    }

    private async Task<HttpStatusCode[]> RedeemInParallelAsync(string token, string code, IEnumerable<Guid> orderIds, Func<Guid, Guid> customerOf)
        => await Task.WhenAll(orderIds.Select(async orderId =>
        {
            using var response = await _client.RedeemAsync(token, orderId, code, customerOf(orderId));
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                var reason = (await response.ReadErrorAsync()).GetProperty("errors")[0].GetProperty("reason").GetString();
                Assert.True(reason is "exhausted" or "customerLimitReached", reason);
            }

            return response.StatusCode;
        }));
}

/// <summary>On SQLite.</summary>
public sealed class SqliteCouponConcurrencyTests(CartFactory factory) : CouponConcurrencyTests<CartFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresCouponConcurrencyTests(PostgresCartFactory factory) : CouponConcurrencyTests<PostgresCartFactory>(factory);
