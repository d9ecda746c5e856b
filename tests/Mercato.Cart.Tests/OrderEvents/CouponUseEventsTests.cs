using Mercato.Cart.Tests.Discounts;
using Mercato.Cart.Tests.Support;
using Mercato.Messaging.Inbox;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Cart.Tests.OrderEvents;

/// <summary>
/// Ordering's OrderPlaced and OrderCancelled reach the Cart through the real pipeline (outbox,
/// relay, in-process transport, inbox): placing confirms the order's held coupon use, cancelling
/// gives it back exactly once however often it is delivered, on one provider.
/// </summary>
public abstract class CouponUseEventsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CartFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Order_placed_confirms_the_held_use_and_a_redelivery_changes_nothing()
    {
        var (admin, checkout) = (await _client.AdminTokenAsync(), await _client.CheckoutTokenAsync());
        var (couponId, code) = await _client.LimitedCouponAsync(admin, 5);
        var order = Guid.NewGuid();
        var unplaced = Guid.NewGuid();
        await _client.RedeemForAsync(checkout, code, order);
        await _client.RedeemForAsync(checkout, code, unplaced);
        Assert.Null(await factory.ConfirmedAtAsync(order));

        var placed = OrderEventFixtures.Placed(order, code);
        await factory.RelayAsync(placed);
        var confirmedAt = await factory.ConfirmedAtAsync(order);
        Assert.NotNull(confirmedAt);
        await factory.RedeliverAsync(placed.Id);

        Assert.Equal(confirmedAt, await factory.ConfirmedAtAsync(order));
        Assert.Null(await factory.ConfirmedAtAsync(unplaced));
        Assert.Equal(2, await _client.TimesRedeemedAsync(admin, couponId));
    }

    [Fact]
    public async Task Order_cancelled_gives_its_use_back_once_under_redelivery_and_a_second_cancellation()
    {
        var (admin, checkout) = (await _client.AdminTokenAsync(), await _client.CheckoutTokenAsync());
        var (couponId, code) = await _client.LimitedCouponAsync(admin, 2);
        var order = Guid.NewGuid();
        var kept = Guid.NewGuid();
        await _client.RedeemForAsync(checkout, code, order);
        await _client.RedeemForAsync(checkout, code, kept);
        await factory.RelayAsync(OrderEventFixtures.Placed(order, code));
        await factory.RelayAsync(OrderEventFixtures.Placed(kept, code));
        Assert.Equal(2, await _client.TimesRedeemedAsync(admin, couponId));

        var cancelled = OrderEventFixtures.Cancelled(order);
        await factory.RelayAsync(cancelled);
        Assert.Equal(1, await _client.TimesRedeemedAsync(admin, couponId));
        await factory.RedeliverAsync(cancelled.Id);
        await factory.RelayAsync(OrderEventFixtures.Cancelled(order) with { Reason = "Payment not received in time" });

        Assert.Equal(1, await _client.TimesRedeemedAsync(admin, couponId));
        var (_, orders) = await factory.UsesAsync(code);
        Assert.Equal([kept], orders);

        // The use given back is free for another order (the limit is 2).
        await _client.RedeemForAsync(checkout, code, Guid.NewGuid());
        Assert.Equal(2, await _client.TimesRedeemedAsync(admin, couponId));
    }

    [Fact]
    public async Task Ten_parallel_cancellations_of_one_order_give_its_use_back_once()
    {
        var (admin, checkout) = (await _client.AdminTokenAsync(), await _client.CheckoutTokenAsync());
        var (couponId, code) = await _client.LimitedCouponAsync(admin, 10);
        var order = Guid.NewGuid();
        var others = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in others.Append(order))
        {
            await _client.RedeemForAsync(checkout, code, id);
            await factory.RelayAsync(OrderEventFixtures.Placed(id, code));
        }

        Assert.Equal(4, await _client.TimesRedeemedAsync(admin, couponId));

        var events = Enumerable.Range(0, 10).Select(_ => OrderEventFixtures.Cancelled(order)).ToList();
        await Task.WhenAll(events.Select(e => Task.Run(() => factory.Services.PublishAsync(e, OrderEventFixtures.Ordering))));

        Assert.Equal(3, await _client.TimesRedeemedAsync(admin, couponId));
        var (_, orders) = await factory.UsesAsync(code);
        Assert.Equal(others.Order().ToList(), orders.Order().ToList());
        var ids = events.Select(e => e.Id).ToList();
        Assert.Equal(10, await factory.WithCartDbAsync(db => db.Set<InboxMessage>().CountAsync(m => ids.Contains(m.MessageId))));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteCouponUseEventsTests(CartFactory factory) : CouponUseEventsTests<CartFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresCouponUseEventsTests(PostgresCartFactory factory) : CouponUseEventsTests<PostgresCartFactory>(factory);
