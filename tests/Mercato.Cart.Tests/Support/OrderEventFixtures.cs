using System.Net;
using Mercato.Cart.Data;
using Mercato.Cart.Tests.Discounts;
using Mercato.Messaging.Events;
using Mercato.Ordering.Contracts;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Cart.Tests.Support;

/// <summary>Ordering's events delivered to the Cart, coupon uses counted for orders, and the count the admin API shows.</summary>
public static class OrderEventFixtures
{
    /// <summary>The events' producer.</summary>
    public const string Ordering = "ordering";

    /// <summary>Relays an Ordering event into the Cart (outbox, relay, transport, inbox) and waits until it was handled.</summary>
    public static Task RelayAsync(this CartFactory factory, IntegrationEvent integrationEvent)
        => factory.Services.RelayAsync<CartDbContext>(integrationEvent, Ordering);

    /// <summary>Publishes an already relayed event once more and waits until it went through.</summary>
    public static Task RedeliverAsync(this CartFactory factory, Guid eventId)
        => factory.Services.RedeliverAsync<CartDbContext>(eventId);

    /// <summary>Ordering's <see cref="OrderPlaced"/> for a user's order with the coupon.</summary>
    public static OrderPlaced Placed(Guid orderId, string? couponCode)
        => new(orderId, "ORD-2026-000200", Guid.NewGuid(), null, [new OrderedLine(Guid.NewGuid(), 1, 50m)], couponCode, 50m, 5m, 3.6m, 0m, 48.6m);

    /// <summary>Ordering's <see cref="OrderCancelled"/> for the order.</summary>
    public static OrderCancelled Cancelled(Guid orderId)
        => new(orderId, "ORD-2026-000200", "Changed my mind", false, [new OrderedLine(Guid.NewGuid(), 1, 50m)]);

    /// <summary>Creates a coupon through the admin API with a usage limit; returns its id and code.</summary>
    public static async Task<(Guid Id, string Code)> LimitedCouponAsync(this HttpClient client, string admin, int usageLimit)
    {
        var code = "HOLD" + Shop.Unique().ToUpperInvariant();
        var data = await client.CreateCouponAsync(admin, CouponFixtures.Body(code, ("usageLimit", usageLimit)));
        return (data.GetProperty("id").GetGuid(), code);
    }

    /// <summary>Counts a use of the coupon for the order through the checkout service; asserts 200.</summary>
    public static async Task RedeemForAsync(this HttpClient client, string checkoutToken, string code, Guid orderId)
    {
        using var response = await client.RedeemAsync(checkoutToken, orderId, code, Guid.NewGuid());
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The coupon's <c>timesRedeemed</c> through the admin API.</summary>
    public static async Task<int> TimesRedeemedAsync(this HttpClient client, string admin, Guid couponId)
    {
        using var response = await client.CallAsync(HttpMethod.Get, $"{CouponFixtures.AdminUrl}/{couponId}", admin);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("timesRedeemed").GetInt32();
    }

    /// <summary>When the order's coupon use was confirmed (null while held); the row must exist.</summary>
    public static Task<DateTime?> ConfirmedAtAsync(this CartFactory factory, Guid orderId)
        => factory.WithCartDbAsync(db => db.CouponRedemptions.AsNoTracking().Where(r => r.OrderId == orderId).Select(r => r.ConfirmedAt).SingleAsync());
}
