using Mercato.Testing;

namespace Mercato.Identity.Tests.Support;

/// <summary>
/// Identity in distributed mode's way of counting sign-ins: <c>RateLimiting:Store</c> is
/// <c>redis</c> (the test Redis), under a key prefix of its own whose keys are deleted on dispose.
/// Hosts made with <see cref="SharedStore.WithStoreOf{TFactory}"/> share the prefix, so they are
/// replicas (or a restart) of this one.
/// </summary>
public class RedisIdentityFactory : IdentityFactory
{
    private readonly RedisTestKeys _keys = RedisTestKeys.Create("signin");

    /// <summary>Creates a host on SQLite.</summary>
    public RedisIdentityFactory()
        : this(postgres: false)
    {
    }

    /// <summary>Creates a host on SQLite or on its own PostgreSQL database.</summary>
    protected RedisIdentityFactory(bool postgres)
        : base(postgres)
    {
        Settings["RateLimiting:Store"] = "redis";
        Settings["RateLimiting:Redis:ConnectionString"] = TestInfrastructure.Redis;
        Settings["RateLimiting:Redis:KeyPrefix"] = _keys.Prefix;
    }

    /// <summary>This host's key prefix in the test Redis.</summary>
    public RedisTestKeys RedisKeys => _keys;

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        await _keys.DisposeAsync();
    }
}

/// <summary>Identity on PostgreSQL, counting sign-ins in Redis.</summary>
public sealed class PostgresRedisIdentityFactory() : RedisIdentityFactory(postgres: true);
