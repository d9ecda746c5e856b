using System.Net;
using Mercato.Cart.Sweep;
using Mercato.Cart.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Cart.Tests.Carts;

/// <summary>Idle carts are removed after the configured times. Each test has its own host, since it moves the clock by days.</summary>
public sealed class IdleSweepTests
{
    [Fact]
    public async Task Guest_carts_go_after_their_idle_time_user_carts_after_theirs_and_touched_carts_stay()
    {
        await using var factory = new SmallCartFactory();
        var client = factory.CreateClient();
        var admin = await client.AdminTokenAsync();
        var product = await client.ProductAsync(admin, 5m);
        var idleGuest = (await client.AddAsync(product, 1)).GetProperty("cartKey").GetString()!;
        var activeGuest = (await client.AddAsync(product, 1)).GetProperty("cartKey").GetString()!;
        var (userId, _, token) = await client.RegisterCustomerAsync();
        await client.AddAsync(product, 1, token);

        factory.Clock.Advance(TimeSpan.FromHours(20));
        await client.AddAsync(product, 1, cartKey: activeGuest);
        factory.Clock.Advance(TimeSpan.FromHours(5));
        await CartsLeftAsync(factory, 2);

        using var gone = await client.CallAsync(HttpMethod.Get, "/api/v1/cart", headers: Shop.Key(idleGuest));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(2, (await client.CartAsync(cartKey: activeGuest)).GetProperty("itemCount").GetInt32());
        Assert.True(await factory.WithCartDbAsync(db => db.Carts.AnyAsync(c => c.UserId == userId)));

        factory.Clock.Advance(TimeSpan.FromDays(3));
        await CartsLeftAsync(factory, 0);
        Assert.Equal(0, await factory.WithCartDbAsync(db => db.CartItems.CountAsync()));
        Assert.Equal(0, await factory.Services.GetRequiredService<IdleCartSweep>().SweepAsync(CancellationToken.None));
    }

    private static Task<int> CartsLeftAsync(SmallCartFactory factory, int count)
        => MercatoProcess.EventuallyAsync(() => factory.WithCartDbAsync(db => db.Carts.CountAsync()), n => n == count, TimeSpan.FromSeconds(10));
}
