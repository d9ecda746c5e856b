using System.Net;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;
using static Mercato.Identity.Tests.Support.AccountMail;

namespace Mercato.Identity.Tests.Recovery;

/// <summary>
/// The limits on the recovery endpoints, per source address and per account (429
/// RATE_LIMIT_EXCEEDED with <c>retryAfter</c> and <c>Retry-After</c>), each on a host of its own
/// with small limits; counted in memory (embedded) or in Redis (distributed).
/// </summary>
public abstract class AccountLimitTests<TFactory>
    where TFactory : IdentityFactory, new()
{
    [Fact]
    public async Task Mails_asked_for_from_one_address_are_limited_and_another_address_is_not()
    {
        await using var host = Host("RequestsPerAddress");
        using var client = host.CreateClient();
        var address = ThrottledLogins.NewAddress();

        for (var i = 1; i <= 3; i++)
        {
            using var allowed = await client.PostFromAsync("/api/v1/users/forgot-password", new { email = IdentityApi.NewEmail("spray") }, address);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using (var code = await client.PostFromAsync("/api/v1/users/request-code", new { email = IdentityApi.NewEmail("spray"), purpose = "password_reset" }, address))
        {
            await AssertLimitedAsync(code);
        }

        using var elsewhere = await client.PostFromAsync("/api/v1/users/forgot-password", new { email = IdentityApi.NewEmail("spray") });
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Tries_on_one_account_are_limited_from_every_address()
    {
        await using var host = Host("AttemptsPerAccount");
        using var client = host.CreateClient();
        var email = IdentityApi.NewEmail("target");
        var userId = await client.RegisterAsync(email);
        var token = await host.ForgotAsync(client, userId, email);

        for (var i = 1; i <= 3; i++)
        {
            using var wrong = await client.PostFromAsync("/api/v1/users/reset-password", new { email, token = "guess" + i, newPassword = NewPassword, confirmPassword = NewPassword });
            await wrong.AssertRefusedAsync("INVALID_TOKEN", "token");
        }

        // Even the right token now waits, from any address.
        using var limited = await client.PostFromAsync("/api/v1/users/reset-password", new { email, token, newPassword = NewPassword, confirmPassword = NewPassword });
        await AssertLimitedAsync(limited);
        Assert.True(await client.SignsInAsync(email, IdentityApi.Password));
    }

    [Fact]
    public async Task Tries_from_one_address_are_limited_across_accounts()
    {
        await using var host = Host("AttemptsPerAddress");
        using var client = host.CreateClient();
        var address = ThrottledLogins.NewAddress();

        for (var i = 1; i <= 3; i++)
        {
            using var wrong = await client.PostFromAsync("/api/v1/users/verify-email", new { email = IdentityApi.NewEmail("probe"), code = "123456" }, address);
            await wrong.AssertRefusedAsync("INVALID_CODE", "code");
        }

        using var limited = await client.PostFromAsync("/api/v1/users/verify-email", new { token = "guess" }, address);
        await AssertLimitedAsync(limited);
    }

    /// <summary>A new host whose limit <paramref name="plan"/> is 3 an hour, 3 at once.</summary>
    protected static TFactory Host(string plan)
    {
        var host = new TFactory();
        host.Settings[$"Identity:AccountLimits:{plan}:Limit"] = "3";
        host.Settings[$"Identity:AccountLimits:{plan}:Burst"] = "3";
        return host;
    }

    /// <summary>Asserts 429 RATE_LIMIT_EXCEEDED with matching <c>Retry-After</c> and <c>retryAfter</c>.</summary>
    protected static async Task AssertLimitedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var seconds = (int)(response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0);
        Assert.InRange(seconds, 1, 3600);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["RATE_LIMIT_EXCEEDED"], error.ErrorCodes());
        Assert.Equal(seconds, error.GetProperty("retryAfter").GetInt32());
    }
}

/// <summary>On SQLite, counted in memory.</summary>
public sealed class SqliteAccountLimitTests : AccountLimitTests<IdentityFactory>;

/// <summary>On PostgreSQL, counted in memory.</summary>
public sealed class PostgresAccountLimitTests : AccountLimitTests<PostgresIdentityFactory>;

/// <summary>On PostgreSQL, counted in Redis, shared by replicas.</summary>
public sealed class RedisAccountLimitTests : AccountLimitTests<PostgresRedisIdentityFactory>
{
    [Fact]
    public async Task Two_replicas_share_the_counts()
    {
        await using var first = Host("RequestsPerAddress");
        await using var second = SharedStore.WithStoreOf(first);
        using var one = first.CreateClient();
        using var other = second.CreateClient();
        var address = ThrottledLogins.NewAddress();

        for (var i = 1; i <= 3; i++)
        {
            using var allowed = await one.PostFromAsync("/api/v1/users/forgot-password", new { email = IdentityApi.NewEmail("shared") }, address);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await other.PostFromAsync("/api/v1/users/forgot-password", new { email = IdentityApi.NewEmail("shared") }, address);
        await AssertLimitedAsync(limited);
    }
}
