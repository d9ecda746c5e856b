using System.Net;
using System.Text.Json;
using Mercato.Identity.Tests.Support;
using Mercato.Platform.Auth;
using Mercato.Testing;

namespace Mercato.Identity.Tests.SignIn;

/// <summary><c>GET /api/v1/auth/me</c> on one provider.</summary>
public abstract class CurrentUserTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : IdentityFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_signed_in_user_gets_their_profile()
    {
        var email = IdentityApi.NewEmail("me");
        var username = $"Me_{Guid.NewGuid():N}"[..20];
        using (var registered = await _client.PostJsonAsync("/api/v1/auth/register", new
        {
            email,
            password = IdentityApi.Password,
            firstName = "  Grace ",
            lastName = "Hopper",
            phoneNumber = "+44 20 7946 0958",
            username,
        }))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        var session = await _client.LoginAsync(email);

        using var response = await _client.GetMeAsync(session.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        var me = body.GetProperty("data");
        Assert.Equal(session.UserId, me.GetProperty("id").GetGuid());
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal(username, me.GetProperty("username").GetString());
        Assert.Equal("Grace", me.GetProperty("firstName").GetString());
        Assert.Equal("Hopper", me.GetProperty("lastName").GetString());
        Assert.Equal("+44 20 7946 0958", me.GetProperty("phoneNumber").GetString());
        Assert.False(me.GetProperty("emailVerified").GetBoolean());
        Assert.Equal([MercatoRoles.Customer], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(JsonValueKind.Null, me.GetProperty("lockedUntil").ValueKind);
        Assert.EndsWith("Z", me.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, me.GetProperty("createdAt").GetDateTime().ToUniversalTime(), TimeSpan.FromMilliseconds(1));
        Assert.False(me.TryGetProperty("passwordHash", out _));
        Assert.False(me.TryGetProperty("securityStamp", out _));
    }

    [Fact]
    public async Task Each_user_sees_only_their_own_profile()
    {
        var alice = await _client.SignUpAsync("alice");
        var bob = await _client.SignUpAsync("bob");

        foreach (var session in new[] { alice, bob })
        {
            using var response = await _client.GetMeAsync(session.AccessToken);
            Assert.Equal(session.UserId, (await response.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetGuid());
        }
    }

    [Fact]
    public async Task Anonymous_answers_401_unauthorized()
    {
        using var response = await _client.GetMeAsync(accessToken: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["UNAUTHORIZED"], (await response.ReadErrorAsync()).ErrorCodes());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.")]
    public async Task A_garbage_token_answers_401_invalid_token(string token)
    {
        using var response = await _client.GetMeAsync(token);

        await response.AssertInvalidTokenAsync();
    }

    [Fact]
    public async Task A_tampered_token_answers_401_invalid_token()
    {
        var session = await _client.SignUpAsync("tamper");
        var parts = session.AccessToken.Split('.');
        var forgedClaims = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
            IdentityApi.Claims(session.AccessToken).GetRawText().Replace("\"Customer\"", "\"Admin\"", StringComparison.Ordinal)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        using var response = await _client.GetMeAsync($"{parts[0]}.{forgedClaims}.{parts[2]}");

        await response.AssertInvalidTokenAsync();
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteCurrentUserTests(IdentityFactory factory) : CurrentUserTests<IdentityFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresCurrentUserTests(PostgresIdentityFactory factory) : CurrentUserTests<PostgresIdentityFactory>(factory);
