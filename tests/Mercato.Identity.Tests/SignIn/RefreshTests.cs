using System.Net;
using System.Security.Cryptography;
using System.Text;
using Mercato.Identity.Tests.Support;
using Mercato.Identity.Tokens;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Identity.Tests.SignIn;

/// <summary><c>POST /api/v1/auth/refresh</c>: rotation, reuse detection and storage, on one provider.</summary>
public abstract class RefreshTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : IdentityFactory, new()
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Refreshing_returns_a_new_pair_that_works()
    {
        var session = await _client.SignUpAsync("refresh");

        using var response = await _client.PostRefreshAsync(session.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        var data = body.GetProperty("data");
        var refreshToken = data.GetProperty("refreshToken").GetString()!;
        var accessToken = data.GetProperty("accessToken").GetString()!;
        Assert.NotEqual(session.RefreshToken, refreshToken);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", refreshToken);
        Assert.Equal(900, data.GetProperty("expiresIn").GetInt32());
        Assert.Equal("Bearer", data.GetProperty("tokenType").GetString());
        Assert.False(data.TryGetProperty("user", out _));
        var claims = IdentityApi.Claims(accessToken);
        Assert.Equal(session.UserId.ToString(), claims.GetProperty("sub").GetString());
        Assert.NotEqual(IdentityApi.Claims(session.AccessToken).GetProperty("jti").GetString(), claims.GetProperty("jti").GetString());

        using var me = await _client.GetMeAsync(accessToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(session.UserId, (await me.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetGuid());

        // The new refresh token is itself good for one more rotation.
        var third = await _client.RefreshOkAsync(refreshToken);
        Assert.NotEqual(refreshToken, third);
    }

    [Fact]
    public async Task Reusing_a_spent_refresh_token_answers_401_and_revokes_the_whole_family()
    {
        var session = await _client.SignUpAsync("reuse");
        var second = await _client.RefreshOkAsync(session.RefreshToken);
        var newest = await _client.RefreshOkAsync(second);

        using (var reuse = await _client.PostRefreshAsync(session.RefreshToken))
        {
            await reuse.AssertInvalidTokenAsync();
        }

        using (var newestAfter = await _client.PostRefreshAsync(newest))
        {
            await newestAfter.AssertInvalidTokenAsync();
        }

        var family = await FamilyOfAsync(newest);
        Assert.Equal(3, family.Count);
        Assert.All(family, t => Assert.NotNull(t.RevokedAt));
    }

    [Fact]
    public async Task Two_sign_ins_are_separate_families()
    {
        var email = IdentityApi.NewEmail("twice");
        await _client.RegisterAsync(email);
        var phone = await _client.LoginAsync(email);
        var laptop = await _client.LoginAsync(email);
        await _client.RefreshOkAsync(phone.RefreshToken);

        using (var reuse = await _client.PostRefreshAsync(phone.RefreshToken))
        {
            await reuse.AssertInvalidTokenAsync();
        }

        await _client.RefreshOkAsync(laptop.RefreshToken);
        Assert.NotEqual((await FamilyOfAsync(phone.RefreshToken))[0].FamilyId, (await FamilyOfAsync(laptop.RefreshToken))[0].FamilyId);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("not a token at all, with spaces and ünïcødé")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task An_unknown_refresh_token_answers_401(string token)
    {
        using var response = await _client.PostRefreshAsync(token);

        await response.AssertInvalidTokenAsync();
    }

    [Fact]
    public async Task A_token_that_was_never_issued_but_looks_real_answers_401()
    {
        using var response = await _client.PostRefreshAsync(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)));

        await response.AssertInvalidTokenAsync();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"refreshToken":""}""")]
    [InlineData("""{"refreshToken":null}""")]
    public async Task A_missing_refresh_token_answers_400(string body)
    {
        using var response = await _client.PostRawJsonAsync("/api/v1/auth/refresh", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["refreshToken"], error.ErrorFields());
        Assert.Equal(["REQUIRED_FIELD"], error.ErrorCodes());
    }

    [Theory]
    [InlineData("")]
    [InlineData("""{"refreshToken":42}""")]
    public async Task A_refresh_without_a_usable_body_answers_400(string body)
    {
        using var response = await _client.PostRawJsonAsync("/api/v1/auth/refresh", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await response.ReadErrorAsync();
    }

    [Fact]
    public async Task A_refresh_token_expires_after_the_configured_lifetime()
    {
        await using var host = new TFactory();
        host.Settings["Identity:RefreshTokenLifetime"] = "01:00:00";
        using var client = host.CreateClient();
        var email = IdentityApi.NewEmail("expiry");
        await client.RegisterAsync(email);
        var early = await client.LoginAsync(email);
        var late = await client.LoginAsync(email);

        host.Clock.Advance(TimeSpan.FromMinutes(59));
        using (var stillValid = await client.PostRefreshAsync(early.RefreshToken))
        {
            Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        }

        host.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        using var expired = await client.PostRefreshAsync(late.RefreshToken);
        await expired.AssertInvalidTokenAsync();
    }

    [Fact]
    public async Task Only_the_sha256_of_a_refresh_token_is_stored()
    {
        var session = await _client.SignUpAsync("hashonly");
        var rotated = await _client.RefreshOkAsync(session.RefreshToken);

        var all = await factory.WithDbAsync(db => db.RefreshTokens.AsNoTracking().ToListAsync());
        foreach (var plain in new[] { session.RefreshToken, rotated })
        {
            Assert.DoesNotContain(all, t => t.TokenHash.Contains(plain, StringComparison.Ordinal));
            var stored = Assert.Single(all, t => t.TokenHash == Sha256Hex(plain));
            Assert.Equal(session.UserId, stored.UserId);
            Assert.Matches("^[0-9a-f]{64}$", stored.TokenHash);
        }

        // Nothing in the table's text holds the plain token either (read column by column, untyped).
        var rawValues = await factory.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM identity_refresh_tokens";
            await using var reader = await command.ExecuteReaderAsync();
            var values = new List<string>();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                }
            }

            return values;
        });
        Assert.Contains(Sha256Hex(rotated), rawValues);
        Assert.DoesNotContain(rawValues, v => v.Contains(session.RefreshToken, StringComparison.Ordinal) || v.Contains(rotated, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ten_parallel_refreshes_of_one_token_give_at_most_one_pair_and_revoke_the_family()
    {
        var session = await _client.SignUpAsync("parallel");

        var winners = new List<string>();
        using (var batch = await ResponseBatch.SendAsync(10, _ => _client.PostRefreshAsync(session.RefreshToken)))
        {
            foreach (var response in batch.Responses)
            {
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    winners.Add((await response.ReadJsonAsync()).GetProperty("data").GetProperty("refreshToken").GetString()!);
                }
                else
                {
                    await response.AssertInvalidTokenAsync();
                }
            }
        }

        Assert.True(winners.Count <= 1, $"{winners.Count} parallel refreshes of one token succeeded");
        foreach (var winner in winners)
        {
            using var next = await _client.PostRefreshAsync(winner);
            await next.AssertInvalidTokenAsync();
        }

        Assert.All(await FamilyOfAsync(session.RefreshToken), t => Assert.NotNull(t.RevokedAt));
    }

    /// <summary>Every stored token of the family that <paramref name="plain"/> belongs to.</summary>
    private Task<List<RefreshToken>> FamilyOfAsync(string plain)
    {
        var hash = Sha256Hex(plain);
        return factory.WithDbAsync(async db =>
        {
            var familyId = await db.RefreshTokens.Where(t => t.TokenHash == hash).Select(t => t.FamilyId).SingleAsync();
            return await db.RefreshTokens.AsNoTracking().Where(t => t.FamilyId == familyId).ToListAsync();
        });
    }

    private static string Sha256Hex(string plain) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plain)));
}

/// <summary>On SQLite.</summary>
public sealed class SqliteRefreshTests(IdentityFactory factory) : RefreshTests<IdentityFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresRefreshTests(PostgresIdentityFactory factory) : RefreshTests<PostgresIdentityFactory>(factory);
