using StackExchange.Redis;

namespace Mercato.Testing;

/// <summary>A unique key prefix in the test Redis, and removal of every key under it.</summary>
public sealed class RedisTestKeys : IAsyncDisposable
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

    /// <summary>Connects to <c>MERCATO_TEST_REDIS</c> and picks a fresh prefix starting with <paramref name="name"/>.</summary>
    public static async Task<RedisTestKeys> CreateAsync(string name = "ratelimit") =>
        new(await ConnectionMultiplexer.ConnectAsync(TestInfrastructure.Redis), TestInfrastructure.UniqueName(name) + ":");

    /// <summary>Connects to <c>MERCATO_TEST_REDIS</c> synchronously (for a constructor) and picks a fresh prefix starting with <paramref name="name"/>.</summary>
    public static RedisTestKeys Create(string name) =>
        new(ConnectionMultiplexer.Connect(TestInfrastructure.Redis), TestInfrastructure.UniqueName(name) + ":");

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

    /// <summary>Deletes every key under the prefix and disconnects.</summary>
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
