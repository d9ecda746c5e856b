using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Mercato.Platform.RateLimiting;

/// <summary>
/// The one Redis connection of a process, for state every replica shares: the rate-limit budgets,
/// Identity's sign-in throttle and the storefront's Data Protection key ring. It is in use when <c>RateLimiting:Store</c> is <c>redis</c>
/// (distributed mode); its address is <c>RateLimiting:Redis:ConnectionString</c> (or
/// <c>ConnectionStrings:Redis</c>) and every key starts with <c>RateLimiting:Redis:KeyPrefix</c>.
/// It connects lazily, in the background, and commands fail fast while it is disconnected instead
/// of queueing, so an outage adds no latency: each user decides how to carry on without it.
/// </summary>
public sealed class SharedRedis : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection;

    /// <summary>Reads the settings; connects on first use only.</summary>
    public SharedRedis(IOptions<RateLimitingOptions> options)
        : this(options, async configuration => await ConnectionMultiplexer.ConnectAsync(configuration))
    {
    }

    /// <summary>Reads the settings; <paramref name="connect"/> makes the connection on first use.</summary>
    internal SharedRedis(IOptions<RateLimitingOptions> options, Func<ConfigurationOptions, Task<IConnectionMultiplexer>> connect)
    {
        var value = options.Value;
        InUse = value.UsesRedis;
        KeyPrefix = value.Redis.KeyPrefix;
        var connectionString = value.Redis.ConnectionString;
        _connection = new Lazy<Task<IConnectionMultiplexer>>(() => connect(Configure(connectionString!)));
    }

    /// <summary>Whether shared state lives in Redis (distributed mode) rather than in each process's memory.</summary>
    public bool InUse { get; }

    /// <summary>The prefix of every key; processes with the same prefix share their state.</summary>
    public string KeyPrefix { get; }

    /// <summary>The connection string made to fail fast: connect lazily in the background, never queue commands.</summary>
    internal static ConfigurationOptions Configure(string connectionString)
    {
        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ClientName ??= "mercato";
        return configuration;
    }

    /// <summary>The database, once connected (or trying to connect in the background).</summary>
    /// <exception cref="RedisException">Redis cannot be reached (as does every command on the result).</exception>
    public async Task<IDatabase> DatabaseAsync() => (await _connection.Value).GetDatabase();

    /// <summary>The connection itself, for libraries that take a multiplexer (the Catalog's read cache and its backplane).</summary>
    public Task<IConnectionMultiplexer> ConnectionAsync() => _connection.Value;

    /// <summary>Pings Redis, for the readiness check.</summary>
    public async Task<TimeSpan> PingAsync() => await (await DatabaseAsync()).PingAsync();

    /// <summary>
    /// Closes the connection, letting the commands in flight complete first. StackExchange.Redis can
    /// fail that graceful close with a NullReferenceException (its issue #2754: a QUIT task missing
    /// while the connection is still being established; CI met it when a test host stopped); the
    /// connection is then closed without waiting, so stopping a process never fails on it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!_connection.IsValueCreated)
        {
            return;
        }

        var connection = await _connection.Value;
        try
        {
            await connection.CloseAsync(allowCommandsToComplete: true);
        }
        catch (NullReferenceException)
        {
            // The upstream race above; the disposal below closes every connection without the QUITs.
        }

        await connection.DisposeAsync();
    }
}
