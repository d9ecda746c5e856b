using System.Net;
using System.Text.Json;
using Mercato.Cart.Checkout;
using Mercato.Cart.Client;
using Mercato.Cart.Contracts;
using Mercato.Cart.Coupons;
using Mercato.Cart.Tests.Discounts;
using Mercato.Cart.Tests.Support;
using Mercato.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Cart.Tests.Checkout;

/// <summary>
/// What every <see cref="ICartClient"/> promises, run against the in-process client (Ordering
/// co-hosted with the Cart) and the HTTP client (Ordering in another process, calling the real
/// service endpoints with a real <c>cart.checkout</c> token), each on SQLite and PostgreSQL: the
/// same answers as the service endpoints.
/// </summary>
public abstract class CartClientContractTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CartFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>The host of the module that calls the Cart.</summary>
    protected abstract IServiceProvider Consumer { get; }

    /// <summary>The implementation the consumer is expected to get.</summary>
    protected abstract Type ExpectedImplementation { get; }

    /// <summary>The Cart's host.</summary>
    protected TFactory Factory => factory;

    [Fact]
    public async Task The_consumer_gets_the_expected_implementation()
        => Assert.IsType(ExpectedImplementation, await WithClientAsync(Task.FromResult));

    [Fact]
    public async Task Reading_a_cart_gives_what_the_service_endpoint_gives_for_users_and_guests()
    {
        var admin = await _client.AdminTokenAsync();
        var (userId, _, token) = await _client.RegisterCustomerAsync();
        var (_, code) = await _client.SeedCartAsync(factory, admin, token);
        var (cartKey, _) = await _client.SeedCartAsync(factory, admin, token: null);
        var service = await _client.CheckoutTokenAsync();
        var cancel = TestContext.Current.CancellationToken;

        foreach (var (owner, query, headers) in new[]
        {
            (CartOwner.User(userId), $"?userId={userId}", Shop.Key(null)),
            (CartOwner.Guest(cartKey!), string.Empty, Shop.Key(cartKey)),
        })
        {
            var snapshot = await WithClientAsync(c => c.GetCartAsync(owner, cancel));
            using var response = await _client.CallAsync(HttpMethod.Get, CheckoutFixtures.CartsUrl + query, service, headers: headers);
            var overHttp = (await response.ReadJsonAsync()).GetProperty("data").Deserialize<CartSnapshot>(Envelope.Json);

            Assert.NotNull(snapshot);
            Assert.Equivalent(overHttp, snapshot, strict: true);
            Assert.Equal((999.97m, 199.99m, 64.00m, 863.98m), (snapshot.Subtotal, snapshot.Discount, snapshot.Tax, snapshot.Total));
            Assert.Equal(owner.UserId, snapshot.UserId);
            Assert.Equal(2, snapshot.Lines.Count);
        }

        Assert.Equal(code, (await WithClientAsync(c => c.GetCartAsync(CartOwner.User(userId), cancel)))!.CouponCode);
        Assert.Null(await WithClientAsync(c => c.GetCartAsync(CartOwner.User(Guid.NewGuid()), cancel)));
        Assert.Null(await WithClientAsync(c => c.GetCartAsync(CartOwner.Guest("not-a-key"), cancel)));
        await Assert.ThrowsAsync<ArgumentException>(() => WithClientAsync(c => c.GetCartAsync(new CartOwner(null, null), cancel)));
        await Assert.ThrowsAsync<ArgumentException>(() => WithClientAsync(c => c.GetCartAsync(new CartOwner(userId, cartKey), cancel)));
    }

    [Fact]
    public async Task Clearing_empties_the_cart_and_says_false_when_there_is_none()
    {
        var admin = await _client.AdminTokenAsync();
        var (userId, _, token) = await _client.RegisterCustomerAsync();
        await _client.SeedCartAsync(factory, admin, token);
        var (cartKey, _) = await _client.SeedCartAsync(factory, admin, token: null);
        var cancel = TestContext.Current.CancellationToken;

        Assert.True(await WithClientAsync(c => c.ClearCartAsync(CartOwner.User(userId), cancel)));
        Assert.True(await WithClientAsync(c => c.ClearCartAsync(CartOwner.Guest(cartKey!), cancel)));
        Assert.False(await WithClientAsync(c => c.ClearCartAsync(CartOwner.User(Guid.NewGuid()), cancel)));

        Assert.Equal(0, (await _client.CartAsync(token)).GetProperty("items").GetArrayLength());
        var guest = (await WithClientAsync(c => c.GetCartAsync(CartOwner.Guest(cartKey!), cancel)))!;
        Assert.Equal((0, 0m, null), (guest.Lines.Count, guest.Total, guest.CouponCode));
        await Assert.ThrowsAsync<ArgumentException>(() => WithClientAsync(c => c.ClearCartAsync(new CartOwner(null, null), cancel)));
    }

    [Fact]
    public async Task Redeeming_and_releasing_count_like_the_service_endpoints()
    {
        var code = await factory.CouponAsync(CouponType.Percentage, 10m, c => (c.UsageLimit, c.PerCustomerLimit) = (2, 1));
        var cancel = TestContext.Current.CancellationToken;
        var order = Guid.NewGuid();
        var customer = Guid.NewGuid();

        var redeemed = await WithClientAsync(c => c.RedeemCouponAsync(new CouponRedemptionRequest(order, code.ToLowerInvariant(), customer, null), cancel));
        var replayed = await WithClientAsync(c => c.RedeemCouponAsync(new CouponRedemptionRequest(order, code, customer, null), cancel));
        var limited = await WithClientAsync(c => c.RedeemCouponAsync(new CouponRedemptionRequest(Guid.NewGuid(), code, customer, null), cancel));
        var unknown = await WithClientAsync(c => c.RedeemCouponAsync(new CouponRedemptionRequest(Guid.NewGuid(), "NOPE-" + Shop.Unique(), null, "a@example.com"), cancel));

        Assert.Equal((true, (CouponRefusal?)null), (redeemed.Redeemed, redeemed.Refusal));
        Assert.Equal((true, (CouponRefusal?)null), (replayed.Redeemed, replayed.Refusal));
        Assert.Equal((false, CouponRefusal.CustomerLimitReached), (limited.Redeemed, limited.Refusal));
        Assert.Equal((false, CouponRefusal.Unknown), (unknown.Redeemed, unknown.Refusal));
        Assert.Contains("already used", limited.Message);
        Assert.Equal(1, (await factory.UsesAsync(code)).TimesRedeemed);

        // Over HTTP the same refusal is a 409 with the same reason.
        using (var overHttp = await _client.RedeemAsync(await _client.CheckoutTokenAsync(), Guid.NewGuid(), code, customer))
        {
            await overHttp.AssertRefusedAsync(HttpStatusCode.Conflict, "customerLimitReached");
        }

        await WithClientAsync(async c => { await c.ReleaseCouponAsync(order, cancel); return 0; });
        await WithClientAsync(async c => { await c.ReleaseCouponAsync(order, cancel); return 0; });
        Assert.Equal((0, 0), ((await factory.UsesAsync(code)).TimesRedeemed, (await factory.UsesAsync(code)).Orders.Count));
        Assert.True((await WithClientAsync(c => c.RedeemCouponAsync(new CouponRedemptionRequest(Guid.NewGuid(), code, customer, null), cancel))).Redeemed);

        await Assert.ThrowsAsync<ArgumentException>(() => WithClientAsync(c => c.RedeemCouponAsync(new CouponRedemptionRequest(Guid.Empty, code, customer, null), cancel)));
        await Assert.ThrowsAsync<ArgumentException>(() => WithClientAsync(c => c.RedeemCouponAsync(new CouponRedemptionRequest(Guid.NewGuid(), code, null, null), cancel)));
        Assert.Equal(1, (await factory.UsesAsync(code)).TimesRedeemed);
    }

    private async Task<T> WithClientAsync<T>(Func<ICartClient, Task<T>> call)
    {
        await using var scope = Consumer.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<ICartClient>());
    }
}

/// <summary>The in-process client, from the Cart's own host.</summary>
public abstract class InProcessCartClientContractTests<TFactory>(TFactory factory) : CartClientContractTests<TFactory>(factory)
    where TFactory : CartFactory
{
    /// <inheritdoc />
    protected override IServiceProvider Consumer => Factory.Services;

    /// <inheritdoc />
    protected override Type ExpectedImplementation => typeof(InProcessCartClient);
}

/// <summary>The HTTP client, from a host in "another process" that reaches the Cart's test server.</summary>
public abstract class HttpCartClientContractTests<TFactory>(TFactory factory) : CartClientContractTests<TFactory>(factory), IAsyncDisposable
    where TFactory : CartFactory
{
    private readonly HttpCartConsumer _consumer = new(factory);

    /// <inheritdoc />
    protected override IServiceProvider Consumer => _consumer.Services;

    /// <inheritdoc />
    protected override Type ExpectedImplementation => typeof(CartHttpClient);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _consumer.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>In-process on SQLite.</summary>
public sealed class SqliteInProcessCartClientTests(CartFactory factory) : InProcessCartClientContractTests<CartFactory>(factory);

/// <summary>In-process on PostgreSQL.</summary>
public sealed class PostgresInProcessCartClientTests(PostgresCartFactory factory) : InProcessCartClientContractTests<PostgresCartFactory>(factory);

/// <summary>Over HTTP on SQLite.</summary>
public sealed class SqliteHttpCartClientTests(CartFactory factory) : HttpCartClientContractTests<CartFactory>(factory);

/// <summary>Over HTTP on PostgreSQL.</summary>
public sealed class PostgresHttpCartClientTests(PostgresCartFactory factory) : HttpCartClientContractTests<PostgresCartFactory>(factory);
