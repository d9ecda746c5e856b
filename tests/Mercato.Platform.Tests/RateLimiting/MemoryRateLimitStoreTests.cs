using Mercato.Platform.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Mercato.Platform.Tests.RateLimiting;

/// <summary>The in-memory store keeps its memory bounded without changing any decision it should not.</summary>
public sealed class MemoryRateLimitStoreTests
{
    private static readonly DateTimeOffset Ten = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly RateLimitPlan Guest = RateLimitPlan.Of(limit: 100, burst: 10);

    [Fact]
    public async Task Idle_clients_are_forgotten_and_active_ones_keep_their_budget()
    {
        var clock = new FakeTimeProvider(Ten);
        var store = new MemoryRateLimitStore(clock, Options.Create(new RateLimitingOptions()));
        for (var i = 0; i < 1000; i++)
        {
            await store.AcquireAsync($"guest:ip:10.0.{i / 256}.{i % 256}", Guest, default);
        }

        // Past 11:00 every window of 10:00 is over and every bucket is full again: all idle.
        clock.Advance(TimeSpan.FromMinutes(61));
        var active = await store.AcquireAsync("guest:ip:10.0.0.0", Guest, default);

        Assert.Equal(1, store.Count);
        Assert.Equal(99, active.Remaining);
        Assert.Equal(98, (await store.AcquireAsync("guest:ip:10.0.0.0", Guest, default)).Remaining);
    }

    [Fact]
    public async Task A_client_in_its_window_is_not_idle_even_with_a_full_bucket()
    {
        var clock = new FakeTimeProvider(Ten);
        var store = new MemoryRateLimitStore(clock, Options.Create(new RateLimitingOptions()));
        await store.AcquireAsync("guest:ip:10.1.0.1", Guest, default);

        clock.Advance(TimeSpan.FromMinutes(30));
        var other = await store.AcquireAsync("guest:ip:10.1.0.2", Guest, default);

        Assert.Equal(2, store.Count);
        Assert.Equal(99, other.Remaining);
        Assert.Equal(98, (await store.AcquireAsync("guest:ip:10.1.0.1", Guest, default)).Remaining);
    }

    [Fact]
    public async Task Past_the_cap_the_least_recently_seen_clients_are_dropped()
    {
        var clock = new FakeTimeProvider(Ten);
        var options = new RateLimitingOptions { Memory = { MaxPartitions = 100 } };
        var store = new MemoryRateLimitStore(clock, Options.Create(options));

        for (var i = 0; i < 150; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
            await store.AcquireAsync($"guest:ip:10.2.0.{i}", Guest, default);
            Assert.InRange(store.Count, 1, 100);
        }

        Assert.Equal(98, (await store.AcquireAsync("guest:ip:10.2.0.149", Guest, default)).Remaining);
        Assert.Equal(99, (await store.AcquireAsync("guest:ip:10.2.0.0", Guest, default)).Remaining);
    }
}
