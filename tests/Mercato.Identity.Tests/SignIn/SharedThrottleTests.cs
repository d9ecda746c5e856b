using System.Net;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;
using Microsoft.Extensions.Logging;
using static Mercato.Identity.Tests.Support.ThrottledLogins;

namespace Mercato.Identity.Tests.SignIn;

/// <summary>
/// Distributed mode: the sign-in counts live in Redis, so Identity replicas behind the gateway
/// (two hosts on one database and one Redis) share one budget per source, a restarted host
/// remembers it, and an unreachable Redis neither lets guesses through unthrottled nor fails the
/// sign-in (the process counts in memory and warns).
/// </summary>
public abstract class SharedThrottleTests<TFactory>
    where TFactory : RedisIdentityFactory, new()
{
    [Fact]
    public async Task Failures_on_two_replicas_add_up_and_the_sixth_attempt_waits_on_either()
    {
        await using var replicas = new IdentityReplicas<TFactory>();
        var (a, b) = (replicas.A, replicas.B);
        var email = IdentityApi.NewEmail("replicas");
        await a.RegisterAsync(email);
        var stranger = NewAddress();

        for (var i = 1; i <= 3; i++)
        {
            await AssertRefusedAsync(await a.LoginFromAsync(stranger, email, WrongPassword));
        }

        await AssertRefusedAsync(await b.LoginFromAsync(stranger, email, WrongPassword));
        await AssertSlowedAsync(await b.LoginFromAsync(stranger, email, WrongPassword), expectedSeconds: 60);

        // The sixth attempt waits on either replica, even with the right password, and the wait
        // set by one replica is the one the other reports.
        await AssertSlowedAsync(await a.LoginFromAsync(stranger, email, WrongPassword), expectedSeconds: 60);
        await AssertSlowedAsync(await b.LoginFromAsync(stranger, email, IdentityApi.Password), expectedSeconds: 60);
        replicas.First.Clock.Advance(TimeSpan.FromSeconds(45));
        await AssertSlowedAsync(await a.LoginFromAsync(stranger, email, IdentityApi.Password), expectedSeconds: 15);

        // The account itself is not locked: from another address it signs in on both replicas.
        using (var elsewhereA = await a.LoginFromAsync(NewAddress(), email, IdentityApi.Password))
        using (var elsewhereB = await b.LoginFromAsync(NewAddress(), email, IdentityApi.Password))
        {
            Assert.Equal(HttpStatusCode.OK, elsewhereA.StatusCode);
            Assert.Equal(HttpStatusCode.OK, elsewhereB.StatusCode);
        }

        // The counts are in Redis with an expiry no longer than the time failures are remembered.
        var keys = await replicas.First.RedisKeys.KeysAsync();
        Assert.Equal(2, keys.Count(k => k.ToString().Contains(stranger, StringComparison.Ordinal)));
        foreach (var key in keys)
        {
            var ttl = await replicas.First.RedisKeys.Connection.GetDatabase().KeyTimeToLiveAsync(key);
            Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public async Task An_unknown_email_is_answered_exactly_like_a_known_one_across_replicas()
    {
        await using var replicas = new IdentityReplicas<TFactory>();
        var (a, b) = (replicas.A, replicas.B);
        var known = IdentityApi.NewEmail("known");
        await a.RegisterAsync(known);
        var unknown = IdentityApi.NewEmail("nobody");
        var (knownAddress, unknownAddress) = (NewAddress(), NewAddress());

        for (var i = 1; i <= 8; i++)
        {
            var replica = i % 2 == 1 ? a : b;
            using var forKnown = await replica.LoginFromAsync(knownAddress, known, WrongPassword);
            using var forUnknown = await replica.LoginFromAsync(unknownAddress, unknown, WrongPassword);
            Assert.Equal(await AnswerAsync(forKnown), await AnswerAsync(forUnknown));
            Assert.Equal(i < 5 ? HttpStatusCode.Unauthorized : HttpStatusCode.TooManyRequests, forKnown.StatusCode);
        }
    }

    [Fact]
    public async Task A_restarted_host_keeps_the_count()
    {
        // The first host owns the database (and holds the account); the replica on it restarts.
        await using var first = new TFactory();
        var email = IdentityApi.NewEmail("restart");
        using (var owner = first.CreateClient())
        {
            await owner.RegisterAsync(email);
        }

        var stranger = NewAddress();
        await using (var before = SharedStore.WithStoreOf(first))
        {
            using var client = before.CreateClient();
            for (var i = 1; i <= 3; i++)
            {
                await AssertRefusedAsync(await client.LoginFromAsync(stranger, email, WrongPassword));
            }
        }

        await using var after = SharedStore.WithStoreOf(first);
        using var restarted = after.CreateClient();
        await AssertRefusedAsync(await restarted.LoginFromAsync(stranger, email, WrongPassword));
        await AssertSlowedAsync(await restarted.LoginFromAsync(stranger, email, WrongPassword), expectedSeconds: 60);
        await AssertSlowedAsync(await restarted.LoginFromAsync(stranger, email, IdentityApi.Password), expectedSeconds: 60);
        using var elsewhere = await restarted.LoginFromAsync(NewAddress(), email, IdentityApi.Password);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task With_redis_unreachable_each_host_counts_in_memory_warns_and_never_answers_500()
    {
        await using var host = new TFactory();
        host.Settings["RateLimiting:Redis:ConnectionString"] = $"127.0.0.1:{FreePort.Next()},connectTimeout=1000";
        using var client = host.CreateClient();
        var email = IdentityApi.NewEmail("outage");
        await client.RegisterAsync(email);
        var stranger = NewAddress();

        for (var i = 1; i <= 4; i++)
        {
            await AssertRefusedAsync(await client.LoginFromAsync(stranger, email, WrongPassword));
        }

        await AssertSlowedAsync(await client.LoginFromAsync(stranger, email, WrongPassword), expectedSeconds: 60);
        await AssertSlowedAsync(await client.LoginFromAsync(stranger, email, IdentityApi.Password), expectedSeconds: 60);
        using (var elsewhere = await client.LoginFromAsync(NewAddress(), email, IdentityApi.Password))
        {
            Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        }

        var warnings = host.Logs.AtLeast(LogLevel.Warning)
            .Where(e => e.Message.Contains("Sign-in throttle Redis is unavailable", StringComparison.Ordinal))
            .ToList();
        // At most one warning per 10 seconds, however many sign-ins met the outage.
        var warning = Assert.Single(warnings);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.NotNull(warning.Exception);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteSharedThrottleTests : SharedThrottleTests<RedisIdentityFactory>;

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresSharedThrottleTests : SharedThrottleTests<PostgresRedisIdentityFactory>;
