using System.Net;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;
using static Mercato.Identity.Tests.Support.ThrottledLogins;

namespace Mercato.Identity.Tests.SignIn;

/// <summary>
/// Failed sign-ins slow down the source address that makes them (429 RATE_LIMIT_EXCEEDED with
/// Retry-After), per account and per address; they never lock the account for everyone, and an
/// unknown e-mail is answered exactly like a known one. The source address is the client's, which
/// the test server takes from <c>X-Forwarded-For</c> as it would from a trusted proxy. Tests that
/// move the clock or change the limits use a host of their own. The same rule holds with the
/// counts in this process's memory (embedded mode) and in Redis (distributed mode).
/// </summary>
public abstract class LockoutTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : IdentityFactory, new()
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_strangers_20_failures_slow_the_stranger_but_the_victim_signs_in_from_elsewhere()
    {
        var email = IdentityApi.NewEmail("victim");
        await _client.RegisterAsync(email);
        var stranger = NewAddress();

        for (var i = 1; i <= 4; i++)
        {
            await AssertRefusedAsync(await LoginFromAsync(stranger, email, WrongPassword));
        }

        await AssertSlowedAsync(await LoginFromAsync(stranger, email, WrongPassword), expectedSeconds: 60);
        for (var i = 6; i <= 20; i++)
        {
            await AssertSlowedAsync(await LoginFromAsync(stranger, email, WrongPassword), expectedSeconds: 60);
        }

        // The stranger is slowed even with the right password; the victim, elsewhere, is not.
        await AssertSlowedAsync(await LoginFromAsync(stranger, email, IdentityApi.Password), expectedSeconds: 60);
        using var victim = await LoginFromAsync(NewAddress(), email, IdentityApi.Password);
        Assert.Equal(HttpStatusCode.OK, victim.StatusCode);
    }

    [Fact]
    public async Task An_unknown_email_is_answered_exactly_like_a_known_one_after_every_failure()
    {
        var known = IdentityApi.NewEmail("known");
        await _client.RegisterAsync(known);
        var unknown = IdentityApi.NewEmail("nobody");
        var (knownAddress, unknownAddress) = (NewAddress(), NewAddress());

        for (var i = 1; i <= 8; i++)
        {
            using var forKnown = await LoginFromAsync(knownAddress, known, WrongPassword);
            using var forUnknown = await LoginFromAsync(unknownAddress, unknown, WrongPassword);
            Assert.Equal(await AnswerAsync(forKnown), await AnswerAsync(forUnknown));
            Assert.Equal(i < 5 ? HttpStatusCode.Unauthorized : HttpStatusCode.TooManyRequests, forKnown.StatusCode);
        }
    }

    [Fact]
    public async Task An_address_failing_on_many_accounts_is_slowed_for_every_account_and_others_are_not()
    {
        await using var host = new TFactory();
        host.Settings["Identity:Lockout:MaxFailedAttemptsPerAddress"] = "8";
        using var client = host.CreateClient();
        var email = IdentityApi.NewEmail("sprayed");
        await client.RegisterAsync(email);
        var sprayer = NewAddress();

        for (var i = 1; i <= 7; i++)
        {
            await AssertRefusedAsync(await LoginFromAsync(client, sprayer, IdentityApi.NewEmail("spray"), WrongPassword));
        }

        await AssertSlowedAsync(await LoginFromAsync(client, sprayer, IdentityApi.NewEmail("spray"), WrongPassword), expectedSeconds: 60);
        await AssertSlowedAsync(await LoginFromAsync(client, sprayer, email, IdentityApi.Password), expectedSeconds: 60);
        using var elsewhere = await LoginFromAsync(client, NewAddress(), email, IdentityApi.Password);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task The_wait_doubles_with_each_failure_after_it_up_to_the_duration_and_then_the_right_password_signs_in()
    {
        await using var host = new TFactory();
        host.Settings["Identity:Lockout:MaxFailedAttempts"] = "3";
        host.Settings["Identity:Lockout:Delay"] = "00:00:10";
        host.Settings["Identity:Lockout:Duration"] = "00:00:30";
        using var client = host.CreateClient();
        var email = IdentityApi.NewEmail("waits");
        await client.RegisterAsync(email);
        var address = NewAddress();

        await AssertRefusedAsync(await LoginFromAsync(client, address, email, WrongPassword));
        await AssertRefusedAsync(await LoginFromAsync(client, address, email, WrongPassword));
        await AssertSlowedAsync(await LoginFromAsync(client, address, email, WrongPassword), expectedSeconds: 10);

        host.Clock.Advance(TimeSpan.FromSeconds(9));
        await AssertSlowedAsync(await LoginFromAsync(client, address, email, IdentityApi.Password), expectedSeconds: 1);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await AssertSlowedAsync(await LoginFromAsync(client, address, email, WrongPassword), expectedSeconds: 20);
        host.Clock.Advance(TimeSpan.FromSeconds(20));
        await AssertSlowedAsync(await LoginFromAsync(client, address, email, WrongPassword), expectedSeconds: 30);
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        await AssertSlowedAsync(await LoginFromAsync(client, address, email, WrongPassword), expectedSeconds: 30);

        host.Clock.Advance(TimeSpan.FromSeconds(30));
        using var right = await LoginFromAsync(client, address, email, IdentityApi.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);

        // Signing in forgot the pair's failures: two more are plain refusals again.
        await AssertRefusedAsync(await LoginFromAsync(client, address, email, WrongPassword));
        await AssertRefusedAsync(await LoginFromAsync(client, address, email, WrongPassword));
    }

    [Fact]
    public async Task Signing_in_by_username_counts_towards_the_same_account()
    {
        var email = IdentityApi.NewEmail("byname");
        var username = $"bn_{Guid.NewGuid():N}"[..20];
        await _client.RegisterAsync(email, username: username);
        var address = NewAddress();

        for (var i = 1; i <= 4; i++)
        {
            await AssertRefusedAsync(await LoginFromAsync(_client, address, new { username, password = WrongPassword }));
        }

        await AssertSlowedAsync(await LoginFromAsync(address, email, WrongPassword), expectedSeconds: 60);
        await AssertSlowedAsync(await LoginFromAsync(_client, address, new { username, password = IdentityApi.Password }), expectedSeconds: 60);
    }

    [Fact]
    public async Task Ten_parallel_wrong_passwords_from_one_address_get_no_more_than_the_limit_checked()
    {
        var email = IdentityApi.NewEmail("burst");
        await _client.RegisterAsync(email);
        var address = NewAddress();

        using (var batch = await ResponseBatch.SendAsync(10, _ => LoginFromAsync(address, email, WrongPassword)))
        {
            Assert.Equal(4, batch.Responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
            Assert.Equal(6, batch.Responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        }

        await AssertSlowedAsync(await LoginFromAsync(address, email, IdentityApi.Password), expectedSeconds: 60);
        using var elsewhere = await LoginFromAsync(NewAddress(), email, IdentityApi.Password);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    private Task<HttpResponseMessage> LoginFromAsync(string address, string email, string password)
        => _client.LoginFromAsync(address, email, password);

    private static Task<HttpResponseMessage> LoginFromAsync(HttpClient client, string address, string email, string password)
        => client.LoginFromAsync(address, email, password);

    private static Task<HttpResponseMessage> LoginFromAsync(HttpClient client, string address, object body)
        => client.LoginFromAsync(address, body);
}

/// <summary>On SQLite.</summary>
public sealed class SqliteLockoutTests(IdentityFactory factory) : LockoutTests<IdentityFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresLockoutTests(PostgresIdentityFactory factory) : LockoutTests<PostgresIdentityFactory>(factory);

/// <summary>On SQLite, counting in Redis.</summary>
public sealed class SqliteRedisLockoutTests(RedisIdentityFactory factory) : LockoutTests<RedisIdentityFactory>(factory);

/// <summary>On PostgreSQL, counting in Redis.</summary>
public sealed class PostgresRedisLockoutTests(PostgresRedisIdentityFactory factory) : LockoutTests<PostgresRedisIdentityFactory>(factory);
