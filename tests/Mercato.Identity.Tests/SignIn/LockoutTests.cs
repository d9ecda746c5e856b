using System.Net;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;

namespace Mercato.Identity.Tests.SignIn;

/// <summary>
/// Lockout after repeated failed sign-ins, on one provider. Tests that move the clock use a host
/// of their own: tokens issued on a moved clock would not be valid on the real one.
/// </summary>
public abstract class LockoutTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : IdentityFactory, new()
{
    private const string WrongPassword = "Wrong-Pass999";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_15_minutes_then_it_starts_afresh()
    {
        await using var host = new TFactory();
        using var client = host.CreateClient();
        var email = IdentityApi.NewEmail("lock");
        await client.RegisterAsync(email);

        for (var i = 1; i <= 4; i++)
        {
            await AssertRefusedAsync(client, email, WrongPassword);
        }

        using (var fifth = await client.PostLoginAsync(email, WrongPassword))
        {
            await AssertLockedAsync(fifth, expectedSeconds: 900);
        }

        using (var rightWhileLocked = await client.PostLoginAsync(email, IdentityApi.Password))
        {
            await AssertLockedAsync(rightWhileLocked, expectedSeconds: 900);
        }

        host.Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        using (var almost = await client.PostLoginAsync(email, IdentityApi.Password))
        {
            await AssertLockedAsync(almost, expectedSeconds: 1);
        }

        host.Clock.Advance(TimeSpan.FromSeconds(2));
        using (var after = await client.PostLoginAsync(email, IdentityApi.Password))
        {
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        }

        // The count starts again from zero: four more failures are refused, not locked.
        for (var i = 1; i <= 4; i++)
        {
            await AssertRefusedAsync(client, email, WrongPassword);
        }

        using var fifthAgain = await client.PostLoginAsync(email, WrongPassword);
        await AssertLockedAsync(fifthAgain, expectedSeconds: 900);
    }

    [Fact]
    public async Task The_attempt_limit_and_lockout_duration_are_configurable()
    {
        await using var host = new TFactory();
        host.Settings["Identity:Lockout:MaxFailedAttempts"] = "3";
        host.Settings["Identity:Lockout:Duration"] = "00:02:00";
        using var client = host.CreateClient();
        var email = IdentityApi.NewEmail("lockcfg");
        await client.RegisterAsync(email);

        await AssertRefusedAsync(client, email, WrongPassword);
        await AssertRefusedAsync(client, email, WrongPassword);
        using (var third = await client.PostLoginAsync(email, WrongPassword))
        {
            await AssertLockedAsync(third, expectedSeconds: 120);
        }

        host.Clock.Advance(TimeSpan.FromSeconds(119));
        using (var stillLocked = await client.PostLoginAsync(email, IdentityApi.Password))
        {
            await AssertLockedAsync(stillLocked, expectedSeconds: 1);
        }

        host.Clock.Advance(TimeSpan.FromSeconds(2));
        using var after = await client.PostLoginAsync(email, IdentityApi.Password);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_successful_sign_in_resets_the_failure_count()
    {
        var email = IdentityApi.NewEmail("reset");
        var userId = await _client.RegisterAsync(email);

        for (var i = 1; i <= 4; i++)
        {
            await AssertRefusedAsync(_client, email, WrongPassword);
        }

        Assert.Equal(4, (await factory.UserAsync(userId)).AccessFailedCount);
        await _client.LoginAsync(email);
        Assert.Equal(0, (await factory.UserAsync(userId)).AccessFailedCount);

        for (var i = 1; i <= 4; i++)
        {
            await AssertRefusedAsync(_client, email, WrongPassword);
        }

        await _client.LoginAsync(email);
        Assert.Null((await factory.UserAsync(userId)).LockoutEnd);
    }

    [Fact]
    public async Task Signing_in_by_username_counts_towards_the_same_lockout()
    {
        var email = IdentityApi.NewEmail("lockname");
        var username = $"lk_{Guid.NewGuid():N}"[..20];
        await _client.RegisterAsync(email, username: username);

        for (var i = 1; i <= 4; i++)
        {
            using var wrong = await _client.PostLoginAsync(new { username, password = WrongPassword });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var fifth = await _client.PostLoginAsync(email, WrongPassword);
        await AssertLockedAsync(fifth, expectedSeconds: 900);
        using var byName = await _client.PostLoginAsync(new { username, password = IdentityApi.Password });
        await AssertLockedAsync(byName, expectedSeconds: 900);
    }

    [Fact]
    public async Task Ten_parallel_wrong_passwords_lock_the_account()
    {
        var email = IdentityApi.NewEmail("burst");
        var userId = await _client.RegisterAsync(email);

        using (var batch = await ResponseBatch.SendAsync(10, _ => _client.PostLoginAsync(email, WrongPassword)))
        {
            Assert.All(batch.Responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Unauthorized, (HttpStatusCode)423 }));
            Assert.Contains(batch.Responses, r => r.StatusCode == (HttpStatusCode)423);
        }

        Assert.NotNull((await factory.UserAsync(userId)).LockoutEnd);
        using var right = await _client.PostLoginAsync(email, IdentityApi.Password);
        await AssertLockedAsync(right, expectedSeconds: 900);
    }

    [Fact]
    public async Task No_parallel_failure_is_lost()
    {
        // With the limit equal to the burst, the account locks only if every failure was counted.
        await using var host = new TFactory();
        host.Settings["Identity:Lockout:MaxFailedAttempts"] = "10";
        using var client = host.CreateClient();
        var email = IdentityApi.NewEmail("exact");
        await client.RegisterAsync(email);

        using (var batch = await ResponseBatch.SendAsync(10, _ => client.PostLoginAsync(email, WrongPassword)))
        {
            Assert.Equal(9, batch.Responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
            Assert.Equal(1, batch.Responses.Count(r => r.StatusCode == (HttpStatusCode)423));
        }

        using var right = await client.PostLoginAsync(email, IdentityApi.Password);
        await AssertLockedAsync(right, expectedSeconds: 900);
    }

    private static async Task AssertRefusedAsync(HttpClient client, string email, string password)
    {
        using var response = await client.PostLoginAsync(email, password);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["UNAUTHORIZED"], (await response.ReadErrorAsync()).ErrorCodes());
    }

    private static async Task AssertLockedAsync(HttpResponseMessage response, int expectedSeconds)
    {
        Assert.Equal((HttpStatusCode)423, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), response.Headers.RetryAfter?.Delta);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["ACCOUNT_LOCKED"], error.ErrorCodes());
        Assert.Equal(expectedSeconds, error.GetProperty("retryAfter").GetInt32());
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteLockoutTests(IdentityFactory factory) : LockoutTests<IdentityFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresLockoutTests(PostgresIdentityFactory factory) : LockoutTests<PostgresIdentityFactory>(factory);
