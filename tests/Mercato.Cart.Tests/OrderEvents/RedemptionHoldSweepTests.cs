using Mercato.Cart.Sweep;
using Mercato.Cart.Tests.Discounts;
using Mercato.Cart.Tests.Support;
using Mercato.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Cart.Tests.OrderEvents;

/// <summary>A Cart whose coupon uses are held 10 minutes for their order's confirmation, swept every minute.</summary>
public class RedemptionHoldFactory : CartFactory
{
    /// <summary>The hold configured.</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromMinutes(10);

    /// <summary>Creates a host on SQLite.</summary>
    public RedemptionHoldFactory()
        : this(postgres: false)
    {
    }

    /// <summary>Creates a host on SQLite or PostgreSQL.</summary>
    protected RedemptionHoldFactory(bool postgres)
        : base(postgres)
    {
        Settings["Cart:RedemptionHold"] = Hold.ToString();
        Settings["Cart:RedemptionSweepInterval"] = "00:01:00";
    }
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class PostgresRedemptionHoldFactory() : RedemptionHoldFactory(postgres: true);

/// <summary>
/// A coupon use no OrderPlaced confirmed (the order was never written) is given back once its hold
/// has passed; a confirmed one is kept. Each test has its own host, since it moves the clock by minutes.
/// </summary>
public abstract class RedemptionHoldSweepTests<TFactory>
    where TFactory : RedemptionHoldFactory, new()
{
    [Fact]
    public async Task An_unconfirmed_use_is_given_back_after_the_hold_and_a_confirmed_one_is_kept()
    {
        await using var factory = new TFactory();
        var client = factory.CreateClient();
        // Tokens first: the bearer handler checks them on the real clock, the host runs on the moved one.
        var (admin, checkout) = (await client.AdminTokenAsync(), await client.CheckoutTokenAsync());
        var (couponId, code) = await client.LimitedCouponAsync(admin, 2);
        var orphan = Guid.NewGuid();
        var placed = Guid.NewGuid();
        await client.RedeemForAsync(checkout, code, orphan);
        await client.RedeemForAsync(checkout, code, placed);
        await factory.RelayAsync(OrderEventFixtures.Placed(placed, code));
        using (var exhausted = await client.RedeemAsync(checkout, Guid.NewGuid(), code, Guid.NewGuid()))
        {
            await exhausted.AssertRefusedAsync(System.Net.HttpStatusCode.Conflict, "exhausted");
        }

        // Within the hold nothing is given back, whichever way the sweep runs.
        factory.Clock.Advance(RedemptionHoldFactory.Hold - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await factory.Services.GetRequiredService<RedemptionHoldSweep>().SweepAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, await client.TimesRedeemedAsync(admin, couponId));

        // Past it, the job's next rounds give the orphan's use back.
        for (var minute = 0; minute < 3; minute++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await MercatoProcess.EventuallyAsync(() => client.TimesRedeemedAsync(admin, couponId), n => n == 1, EventDelivery.Patience);
        var (_, orders) = await factory.UsesAsync(code);
        Assert.Equal([placed], orders);
        Assert.NotNull(await factory.ConfirmedAtAsync(placed));

        // The freed use serves a new order; an OrderPlaced arriving this late for the orphan counts nothing.
        await client.RedeemForAsync(checkout, code, Guid.NewGuid());
        await factory.RelayAsync(OrderEventFixtures.Placed(orphan, code));
        Assert.Equal(2, await client.TimesRedeemedAsync(admin, couponId));
        Assert.Equal(0, await factory.Services.GetRequiredService<RedemptionHoldSweep>().SweepAsync(TestContext.Current.CancellationToken));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteRedemptionHoldSweepTests : RedemptionHoldSweepTests<RedemptionHoldFactory>;

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresRedemptionHoldSweepTests : RedemptionHoldSweepTests<PostgresRedemptionHoldFactory>;
