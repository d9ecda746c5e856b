using System.Net;
using System.Text.Json;
using Mercato.Cart.Coupons;
using Mercato.Cart.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Cart.Tests.Discounts;

/// <summary>Counting and giving back coupon uses through the checkout service's endpoints, on one provider.</summary>
public abstract class CouponRedemptionTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CartFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_redemption_counts_one_use_and_a_retry_of_the_same_order_counts_nothing_more()
    {
        var token = await _client.CheckoutTokenAsync();
        var code = await factory.CouponAsync(CouponType.Percentage, 10m, c => c.UsageLimit = 1);
        var orderId = Guid.NewGuid();
        var customerId = Guid.NewGuid();

        using (var response = await _client.RedeemAsync(token, orderId, $"  {code.ToLowerInvariant()} ", customerId))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var data = (await response.ReadJsonAsync()).GetProperty("data");
            Assert.True(data.GetProperty("redeemed").GetBoolean());
            Assert.Equal(JsonValueKind.Null, data.GetProperty("refusal").ValueKind);
            Assert.Contains(code, data.GetProperty("message").GetString());
        }

        // The retry comes after the only use is taken and the coupon switched off: still the same answer.
        await factory.WithCartDbAsync(db => db.Coupons.Where(c => c.Code == code).ExecuteUpdateAsync(s => s.SetProperty(c => c.Active, false)));
        using (var retry = await _client.RedeemAsync(token, orderId, code, customerId))
        {
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            Assert.True((await retry.ReadJsonAsync()).GetProperty("data").GetProperty("redeemed").GetBoolean());
        }

        var (times, orders) = await factory.UsesAsync(code);
        Assert.Equal(1, times);
        Assert.Equal([orderId], orders);
        var stored = await factory.WithCartDbAsync(db => db.CouponRedemptions.AsNoTracking().SingleAsync(r => r.OrderId == orderId));
        Assert.Equal($"user:{customerId}", stored.CustomerKey);
    }

    [Fact]
    public async Task Each_refusal_answers_with_its_reason_and_counts_nothing()
    {
        var token = await _client.CheckoutTokenAsync();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var inactive = await factory.CouponAsync(CouponType.Percentage, 10m, c => c.Active = false);
        var notStarted = await factory.CouponAsync(CouponType.Percentage, 10m, c => c.StartsAt = now.AddDays(1));
        var expired = await factory.CouponAsync(CouponType.Percentage, 10m, c => c.EndsAt = now.AddMinutes(-1));
        var deleted = await factory.CouponAsync(CouponType.Percentage, 10m, c => c.IsDeleted = true);
        var exhausted = await factory.CouponAsync(CouponType.FixedAmount, 5m, c => c.UsageLimit = 1);
        using (var first = await _client.RedeemAsync(token, Guid.NewGuid(), exhausted, customerEmail: "first@example.com"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var cases = new (string Code, HttpStatusCode Status, string Reason)[]
        {
            ("NO-SUCH-" + Shop.Unique().ToUpperInvariant(), HttpStatusCode.BadRequest, "unknown"),
            ("not a code!", HttpStatusCode.BadRequest, "unknown"),
            (deleted, HttpStatusCode.BadRequest, "unknown"),
            (inactive, HttpStatusCode.BadRequest, "inactive"),
            (notStarted, HttpStatusCode.BadRequest, "notStarted"),
            (expired, HttpStatusCode.BadRequest, "expired"),
            (exhausted, HttpStatusCode.Conflict, "exhausted"),
        };

        foreach (var (code, status, reason) in cases)
        {
            using var response = await _client.RedeemAsync(token, Guid.NewGuid(), code, Guid.NewGuid());
            await response.AssertRefusedAsync(status, reason);
        }

        foreach (var code in new[] { inactive, notStarted, expired, deleted })
        {
            Assert.Equal((0, 0), await CountAsync(code));
        }

        Assert.Equal((1, 1), await CountAsync(exhausted));
    }

    [Fact]
    public async Task The_per_customer_limit_holds_for_a_user_by_id()
    {
        var token = await _client.CheckoutTokenAsync();
        var code = await factory.CouponAsync(CouponType.Percentage, 10m, c => c.PerCustomerLimit = 2);
        var user = Guid.NewGuid();

        for (var i = 0; i < 2; i++)
        {
            using var ok = await _client.RedeemAsync(token, Guid.NewGuid(), code, user, "same.person@example.com");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using (var third = await _client.RedeemAsync(token, Guid.NewGuid(), code, user))
        {
            await third.AssertRefusedAsync(HttpStatusCode.Conflict, "customerLimitReached");
        }

        // The same e-mail as a guest is another customer: users are known by id.
        using (var guest = await _client.RedeemAsync(token, Guid.NewGuid(), code, customerEmail: "same.person@example.com"))
        {
            Assert.Equal(HttpStatusCode.OK, guest.StatusCode);
        }

        using (var other = await _client.RedeemAsync(token, Guid.NewGuid(), code, Guid.NewGuid()))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        Assert.Equal((4, 4), await CountAsync(code));
    }

    [Fact]
    public async Task The_per_customer_limit_holds_for_a_guest_by_e_mail_in_any_case()
    {
        var token = await _client.CheckoutTokenAsync();
        var code = await factory.CouponAsync(CouponType.FixedAmount, 5m, c => c.PerCustomerLimit = 1);

        using (var first = await _client.RedeemAsync(token, Guid.NewGuid(), code, customerEmail: "Guest.Shopper@Example.com"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var again = await _client.RedeemAsync(token, Guid.NewGuid(), code, customerEmail: " guest.shopper@example.COM "))
        {
            await again.AssertRefusedAsync(HttpStatusCode.Conflict, "customerLimitReached");
        }

        using (var other = await _client.RedeemAsync(token, Guid.NewGuid(), code, customerEmail: "someone.else@example.com"))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        Assert.Equal((2, 2), await CountAsync(code));
        Assert.Equal(1, await factory.WithCartDbAsync(db => db.CouponRedemptions.CountAsync(r => r.CustomerKey == "email:guest.shopper@example.com")));
    }

    [Fact]
    public async Task Releasing_gives_the_use_back_once_and_frees_it_for_another_order()
    {
        var token = await _client.CheckoutTokenAsync();
        var code = await factory.CouponAsync(CouponType.Percentage, 10m, c => (c.UsageLimit, c.PerCustomerLimit) = (1, 1));
        var customer = Guid.NewGuid();
        var placed = Guid.NewGuid();
        using (var first = await _client.RedeemAsync(token, placed, code, customer))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var exhausted = await _client.RedeemAsync(token, Guid.NewGuid(), code, Guid.NewGuid()))
        {
            await exhausted.AssertRefusedAsync(HttpStatusCode.Conflict, "exhausted");
        }

        await _client.ReleaseAsync(token, placed);
        Assert.Equal((0, 0), await CountAsync(code));
        await _client.ReleaseAsync(token, placed);
        await _client.ReleaseAsync(token, Guid.NewGuid());
        Assert.Equal((0, 0), await CountAsync(code));

        // Both the total use and this customer's use are free again.
        var next = Guid.NewGuid();
        using (var reused = await _client.RedeemAsync(token, next, code, customer))
        {
            Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        }

        var (times, orders) = await factory.UsesAsync(code);
        Assert.Equal(1, times);
        Assert.Equal([next], orders);
    }

    private async Task<(int TimesRedeemed, int Rows)> CountAsync(string code)
    {
        var (times, orders) = await factory.UsesAsync(code);
        return (times, orders.Count);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteCouponRedemptionTests(CartFactory factory) : CouponRedemptionTests<CartFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresCouponRedemptionTests(PostgresCartFactory factory) : CouponRedemptionTests<PostgresCartFactory>(factory);
