using Mercato.Testing;
using StackExchange.Redis;

namespace Mercato.Platform.Tests.RateLimiting;

/// <summary>A unique key prefix in the test Redis, and removal of every key under it.</summary>
internal sealed class RedisTestKeys : IAsyncDisposable
{
    private RedisTestKeys(ConnectionMultiplexer connection, string prefix)
    {
        Connection = connection;
        Prefix = prefix;
    }

    /// <summary>A connection to the test Redis.</summary>
    public ConnectionMultiplexer Connection { get; }

    /// <summary>The prefix, unique to this test.</summary>
    public string Prefix { get; }

    /// <summary>Connects to <c>MERCATO_TEST_REDIS</c> and picks a fresh prefix.</summary>
    public static async Task<RedisTestKeys> CreateAsync() =>
        new(await ConnectionMultiplexer.ConnectAsync(TestInfrastructure.Redis), TestInfrastructure.UniqueName("ratelimit") + ":");

    /// <summary>The keys under the prefix.</summary>
    public async Task<List<RedisKey>> KeysAsync()
    {
        var keys = new List<RedisKey>();
        foreach (var server in Connection.GetServers())
        {
            await foreach (var key in server.KeysAsync(pattern: Prefix + "*"))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    public async ValueTask DisposeAsync()
    {
        var keys = await KeysAsync();
        if (keys.Count > 0)
        {
            await Connection.GetDatabase().KeyDeleteAsync([.. keys]);
        }

        await Connection.DisposeAsync();
    }
}
