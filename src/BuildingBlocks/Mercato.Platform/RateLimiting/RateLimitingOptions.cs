using Mercato.Platform.Hosting;

namespace Mercato.Platform.RateLimiting;

/// <summary>Rate-limiting settings (<c>RateLimiting</c> section), validated at start.</summary>
public sealed class RateLimitingOptions : IValidatedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "RateLimiting";

    /// <summary>
    /// Whether requests are limited. Default <c>true</c>; the gateway turns it off by default,
    /// because the services behind it limit (sharing Redis) and would otherwise count twice.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where budgets live: <c>memory</c> (default, per process) or <c>redis</c> (shared).</summary>
    public string Store { get; set; } = RateLimitStores.Memory;

    /// <summary>The Redis store's settings.</summary>
    public RedisRateLimitOptions Redis { get; set; } = new();

    /// <summary>The in-memory store's settings.</summary>
    public MemoryRateLimitOptions Memory { get; set; } = new();

    /// <summary>The plans.</summary>
    public RateLimitPlans Plans { get; set; } = new();

    /// <summary>Whether <see cref="Store"/> names the Redis store (case-insensitive).</summary>
    internal bool UsesRedis => string.Equals(Store, RateLimitStores.Redis, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public IEnumerable<string> Problems()
    {
        if (!UsesRedis && !string.Equals(Store, RateLimitStores.Memory, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"RateLimiting:Store must be '{RateLimitStores.Memory}' or '{RateLimitStores.Redis}', not '{Store}'.";
        }

        if (UsesRedis && RedisConnectionProblem() is { } redisProblem)
        {
            yield return redisProblem;
        }

        if (Memory.MaxPartitions < 1)
        {
            yield return "RateLimiting:Memory:MaxPartitions must be at least 1.";
        }

        if (Memory.SweepInterval < TimeSpan.FromSeconds(1))
        {
            yield return "RateLimiting:Memory:SweepInterval must be at least one second.";
        }

        foreach (var (name, plan) in Plans.All())
        {
            foreach (var problem in plan.Problems("RateLimiting:Plans:" + name))
            {
                yield return problem;
            }
        }
    }

    private string? RedisConnectionProblem()
    {
        if (string.IsNullOrWhiteSpace(Redis.ConnectionString))
        {
            return "RateLimiting:Redis:ConnectionString (or ConnectionStrings:Redis) is required when RateLimiting:Store is 'redis'.";
        }

        try
        {
            SharedRedis.Configure(Redis.ConnectionString);
            return null;
        }
        catch (ArgumentException ex)
        {
            return "RateLimiting:Redis:ConnectionString is not a valid Redis configuration: " + ex.Message;
        }
    }
}

/// <summary>The store names.</summary>
public static class RateLimitStores
{
    /// <summary>In this process's memory.</summary>
    public const string Memory = "memory";

    /// <summary>In Redis, shared by every process that uses the same key prefix.</summary>
    public const string Redis = "redis";
}

/// <summary>The Redis store's settings (<c>RateLimiting:Redis</c>).</summary>
public sealed class RedisRateLimitOptions
{
    /// <summary>
    /// A StackExchange.Redis configuration string such as <c>localhost:6379</c>; when empty,
    /// <c>ConnectionStrings:Redis</c> is used.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Prefix of every key; processes with the same prefix share budgets.</summary>
    public string KeyPrefix { get; set; } = "mercato:ratelimit:";
}

/// <summary>The in-memory store's settings (<c>RateLimiting:Memory</c>).</summary>
public sealed class MemoryRateLimitOptions
{
    /// <summary>
    /// Most clients tracked at once. Idle clients (whose window ended and whose bucket is full) are
    /// dropped first; past this many active ones, the least recently seen are dropped too.
    /// </summary>
    public int MaxPartitions { get; set; } = 100_000;

    /// <summary>How often the store looks for idle clients to drop.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
