using Mercato.Platform.RateLimiting;
using Mercato.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Mercato.Platform.Tests.RateLimiting;

/// <summary>
/// The same rule on both stores: the in-memory one and the Redis Lua script must decide alike,
/// including under many parallel requests. Redis tests use the real test Redis.
/// </summary>
public sealed class RateLimitStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset TwentyPastTen = new(2026, 3, 2, 10, 20, 0, TimeSpan.Zero);
    private static readonly long ElevenOClock = new DateTimeOffset(2026, 3, 2, 11, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    private readonly FakeTimeProvider _clock = new(TwentyPastTen);
    private readonly List<IAsyncDisposable> _owned = [];

    public static TheoryData<string> Stores => [RateLimitStores.Memory, RateLimitStores.Redis];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task The_burst_is_allowed_at_once_then_one_request_per_refill_interval(string kind)
    {
        var store = await CreateAsync(kind);
        var guest = RateLimitPlan.Of(limit: 100, burst: 10);

        var burst = new List<RateLimitDecision>();
        for (var i = 0; i < 10; i++)
        {
            burst.Add(await store.AcquireAsync("guest:ip:198.51.100.1", guest, default));
        }

        var refused = await store.AcquireAsync("guest:ip:198.51.100.1", guest, default);
        _clock.Advance(TimeSpan.FromSeconds(36));
        var refilled = await store.AcquireAsync("guest:ip:198.51.100.1", guest, default);
        var refusedAgain = await store.AcquireAsync("guest:ip:198.51.100.1", guest, default);

        Assert.All(burst, d => Assert.True(d.Allowed));
        Assert.Equal(Enumerable.Range(90, 10).Reverse().Cast<int?>(), burst.Select(d => d.Remaining));
        Assert.All(burst, d => Assert.Equal(ElevenOClock, d.ResetAt));
        Assert.False(refused.Allowed);
        Assert.Equal(36, refused.RetryAfterSeconds);
        Assert.Equal(0, refused.Remaining);
        Assert.Equal(TwentyPastTen.AddSeconds(36).ToUnixTimeSeconds(), refused.ResetAt);
        Assert.True(refilled.Allowed);
        Assert.Equal(89, refilled.Remaining);
        Assert.False(refusedAgain.Allowed);
        Assert.Equal(36, refusedAgain.RetryAfterSeconds);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task The_quota_is_counted_per_window_aligned_to_the_clock_and_resets_at_its_end(string kind)
    {
        var store = await CreateAsync(kind);
        var plan = RateLimitPlan.Of(limit: 5, burst: 5);

        for (var i = 0; i < 5; i++)
        {
            Assert.True((await store.AcquireAsync("customer:user:u1", plan, default)).Allowed);
        }

        var refused = await store.AcquireAsync("customer:user:u1", plan, default);
        _clock.Advance(TimeSpan.FromMinutes(40));
        var nextWindow = await store.AcquireAsync("customer:user:u1", plan, default);

        Assert.False(refused.Allowed);
        Assert.Equal(0, refused.Remaining);
        Assert.Equal(ElevenOClock, refused.ResetAt);
        Assert.Equal(40 * 60, refused.RetryAfterSeconds);
        Assert.True(nextWindow.Allowed);
        Assert.Equal(4, nextWindow.Remaining);
        Assert.Equal(ElevenOClock + 3600, nextWindow.ResetAt);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Budgets_of_different_keys_are_independent(string kind)
    {
        var store = await CreateAsync(kind);
        var plan = RateLimitPlan.Of(limit: 10, burst: 1);

        var first = await store.AcquireAsync("customer:user:a", plan, default);
        var firstAgain = await store.AcquireAsync("customer:user:a", plan, default);
        var second = await store.AcquireAsync("customer:user:b", plan, default);

        Assert.True(first.Allowed);
        Assert.False(firstAgain.Allowed);
        Assert.True(second.Allowed);
        Assert.Equal(9, second.Remaining);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Parallel_requests_never_get_more_than_the_limit(string kind)
    {
        var store = await CreateAsync(kind);
        var plan = RateLimitPlan.Of(limit: 50, burst: 50);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 400).Select(_ =>
            Task.Run(async () => await store.AcquireAsync("guest:ip:198.51.100.9", plan, default))));

        var allowed = decisions.Where(d => d.Allowed).ToList();
        Assert.Equal(50, allowed.Count);
        Assert.Equal(Enumerable.Range(0, 50).Cast<int?>(), allowed.Select(d => d.Remaining).Order());
        Assert.All(decisions.Where(d => !d.Allowed), d => Assert.Equal(0, d.Remaining));
    }

    [Fact]
    public async Task A_process_whose_clock_lags_keeps_to_the_window_and_refill_another_process_already_counted()
    {
        var keys = await RedisTestKeys.CreateAsync();
        _owned.Add(keys);
        var behind = new FakeTimeProvider(TwentyPastTen.AddMinutes(40).AddSeconds(-2));
        var ahead = new FakeTimeProvider(TwentyPastTen.AddMinutes(40));
        var storeAhead = CreateRedis(keys.Prefix, ahead);
        var storeBehind = CreateRedis(keys.Prefix, behind);
        var plan = RateLimitPlan.Of(limit: 100, burst: 2);

        var first = await storeAhead.AcquireAsync("guest:ip:198.51.100.3", plan, default);
        var second = await storeBehind.AcquireAsync("guest:ip:198.51.100.3", plan, default);
        var third = await storeBehind.AcquireAsync("guest:ip:198.51.100.3", plan, default);

        // The window that began at 11:00 on the clock ahead stays the window of the clock behind.
        Assert.Equal([99, 98], new[] { first, second }.Select(d => d.Remaining ?? -1));
        Assert.Equal(ElevenOClock + 3600, second.ResetAt);
        Assert.False(third.Allowed);
    }

    [Fact]
    public async Task An_unreachable_redis_allows_requests_without_a_remaining_count()
    {
        var store = CreateRedis("unused:", _clock, $"127.0.0.1:{FreePort.Next()},connectTimeout=2000");
        var plan = RateLimitPlan.Of(limit: 100, burst: 1);

        var decisions = new List<RateLimitDecision>();
        for (var i = 0; i < 3; i++)
        {
            decisions.Add(await store.AcquireAsync("guest:ip:198.51.100.4", plan, default));
        }

        Assert.All(decisions, d => Assert.True(d.Allowed));
        Assert.All(decisions, d => Assert.Null(d.Remaining));
        Assert.All(decisions, d => Assert.Equal(100, d.Limit));
        Assert.All(decisions, d => Assert.Equal(ElevenOClock, d.ResetAt));
    }

    [Fact]
    public async Task Redis_keys_expire_once_the_budget_is_idle()
    {
        var keys = await RedisTestKeys.CreateAsync();
        _owned.Add(keys);
        var store = CreateRedis(keys.Prefix, _clock);

        await store.AcquireAsync("guest:ip:198.51.100.5", RateLimitPlan.Of(limit: 100, burst: 10), default);

        var key = Assert.Single(await keys.KeysAsync());
        var ttl = await keys.Connection.GetDatabase().KeyTimeToLiveAsync(key);
        // Idle when the window ends (40 min) and the bucket is full again (36 s): 40 min plus a second of margin.
        var expected = TimeSpan.FromMinutes(40) + TimeSpan.FromSeconds(1);
        Assert.InRange(ttl!.Value, expected - TimeSpan.FromSeconds(30), expected);
    }

    private async Task<IRateLimitStore> CreateAsync(string kind)
    {
        if (kind == RateLimitStores.Memory)
        {
            return new MemoryRateLimitStore(_clock, Options.Create(new RateLimitingOptions()));
        }

        var keys = await RedisTestKeys.CreateAsync();
        _owned.Add(keys);
        return CreateRedis(keys.Prefix, _clock);
    }

    private RedisRateLimitStore CreateRedis(string prefix, TimeProvider clock, string? connectionString = null)
    {
        var options = new RateLimitingOptions
        {
            Store = RateLimitStores.Redis,
            Redis = { ConnectionString = connectionString ?? TestInfrastructure.Redis, KeyPrefix = prefix },
        };
        var redis = new SharedRedis(Options.Create(options));
        _owned.Add(redis);
        return new RedisRateLimitStore(redis, clock, NullLogger<RedisRateLimitStore>.Instance);
    }
}
