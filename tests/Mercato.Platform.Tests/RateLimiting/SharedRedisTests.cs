using Mercato.Platform.RateLimiting;
using Mercato.Testing;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Mercato.Platform.Tests.RateLimiting;

/// <summary>
/// Stopping a process closes its one Redis connection, whatever state the connection is in: up,
/// still being established, or never reachable. Against the real test Redis.
/// </summary>
public sealed class SharedRedisTests
{
    [Fact]
    public async Task Disposing_a_connected_instance_closes_its_connection()
    {
        var redis = Create(TestInfrastructure.Redis);
        Assert.True((await redis.PingAsync()) >= TimeSpan.Zero);
        var connection = await redis.ConnectionAsync();
        Assert.True(connection.IsConnected);

        await redis.DisposeAsync();

        Assert.False(connection.IsConnected);
        await Assert.ThrowsAnyAsync<Exception>(() => connection.GetDatabase().PingAsync());
    }

    [Fact]
    public async Task Instances_disposed_while_their_subscriptions_are_being_established_all_close_without_an_error()
    {
        // Each instance is connected and starts a subscription (as the catalog cache's backplane
        // does); the disposal comes while that second connection is being established, the state in
        // which StackExchange.Redis (its issue #2754) can fail a graceful close.
        var failures = new List<Exception>();
        for (var round = 0; round < 5; round++)
        {
            var instances = Enumerable.Range(0, 40).Select(_ => Create(TestInfrastructure.Redis)).ToList();
            var connections = await Task.WhenAll(instances.Select(i => i.ConnectionAsync()));
            var subscriptions = connections.Select(c => c.GetSubscriber().SubscribeAsync(RedisChannel.Literal(TestInfrastructure.UniqueName("shared-redis")), (_, _) => { })).ToList();
            var disposals = instances.Select(async i =>
            {
                try
                {
                    await i.DisposeAsync();
                }
                catch (Exception e)
                {
                    lock (failures)
                    {
                        failures.Add(e);
                    }
                }
            });
            await Task.WhenAll(disposals);
            Assert.All(connections, c => Assert.False(c.IsConnected));
            // Each subscription ends (subscribed, or refused by the close); none is left hanging.
            await Task.WhenAny(Task.WhenAll(subscriptions.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))), Task.Delay(TimeSpan.FromSeconds(30)));
            Assert.All(subscriptions, t => Assert.True(t.IsCompleted));
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Disposing_an_instance_whose_redis_cannot_be_reached_completes()
    {
        var redis = Create($"127.0.0.1:{FreePort.Next()},connectTimeout=200");
        await Assert.ThrowsAnyAsync<RedisException>(() => redis.PingAsync());
        var connection = await redis.ConnectionAsync();

        await redis.DisposeAsync();

        Assert.False(connection.IsConnected);
    }

    [Fact]
    public async Task Disposing_an_instance_that_was_never_used_connects_to_nothing()
    {
        var connects = 0;
        var redis = new SharedRedis(
            Options.Create(new RateLimitingOptions { Store = RateLimitStores.Redis, Redis = { ConnectionString = TestInfrastructure.Redis } }),
            _ =>
            {
                Interlocked.Increment(ref connects);
                throw new InvalidOperationException("a disposal must not connect");
            });

        await redis.DisposeAsync();

        Assert.Equal(0, connects);
    }

    [Fact]
    public async Task A_graceful_close_that_fails_inside_the_client_library_falls_back_to_closing_at_once()
    {
        // StackExchange.Redis issue #2754 cannot be provoked on demand: a connection whose graceful
        // close throws it stands in for the library, and the real disposal must still happen.
        var calls = new List<string>();
        var redis = new SharedRedis(
            Options.Create(new RateLimitingOptions { Store = RateLimitStores.Redis, Redis = { ConnectionString = "127.0.0.1:1" } }),
            _ => Task.FromResult(ClosingFails.Create(calls)));
        await redis.ConnectionAsync();

        var failure = await Record.ExceptionAsync(() => redis.DisposeAsync().AsTask());

        Assert.Null(failure);
        Assert.Equal("closed without waiting", calls.Last());
    }

    private static SharedRedis Create(string connectionString) => new(Options.Create(new RateLimitingOptions
    {
        Store = RateLimitStores.Redis,
        Redis = { ConnectionString = connectionString, KeyPrefix = TestInfrastructure.UniqueName("shared-redis") + ":" },
    }));

    /// <summary>
    /// A connection in the state issue #2754 describes, modelled on the library: a graceful close
    /// (<c>CloseAsync(true)</c>, and <c>DisposeAsync</c> of a connection not closed yet, which makes
    /// one) fails; once a close has begun, disposing closes without waiting. It records the calls.
    /// </summary>
    public class ClosingFails : System.Reflection.DispatchProxy
    {
        private List<string> _calls = [];
        private bool _closing;

        public static IConnectionMultiplexer Create(List<string> calls)
        {
            var proxy = Create<IConnectionMultiplexer, ClosingFails>();
            ((ClosingFails)(object)proxy)._calls = calls;
            return proxy;
        }

        /// <summary>What the library's graceful close does in that state: reads a QUIT task that is missing.</summary>
        private static async Task FailLikeTheLibraryAsync()
        {
            await Task.Yield();
            Task?[] quits = [null];
            _ = quits[0]!.IsCompleted;
        }

        protected override object? Invoke(System.Reflection.MethodInfo? targetMethod, object?[]? args)
        {
            switch (targetMethod?.Name)
            {
                case nameof(IConnectionMultiplexer.CloseAsync) when args is [true]:
                    _calls.Add("graceful close");
                    _closing = true;
                    return FailLikeTheLibraryAsync();
                case nameof(IAsyncDisposable.DisposeAsync) when !_closing:
                    _calls.Add("graceful close");
                    _closing = true;
                    return new ValueTask(FailLikeTheLibraryAsync());
                case nameof(IAsyncDisposable.DisposeAsync):
                    _calls.Add("closed without waiting");
                    return ValueTask.CompletedTask;
                default:
                    throw new NotSupportedException(targetMethod?.Name);
            }
        }
    }
}
