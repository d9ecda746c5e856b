using System.Net;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;

namespace Mercato.Identity.Tests.SignIn;

/// <summary><c>POST /api/v1/auth/logout</c> on one provider.</summary>
public abstract class LogoutTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : IdentityFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Logging_out_answers_204_and_the_refresh_token_no_longer_works()
    {
        var session = await _client.SignUpAsync("logout");

        using var response = await _client.PostLogoutAsync(session.AccessToken, session.RefreshToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        await _client.AssertRefreshRefusedAsync(session.RefreshToken);
    }

    [Fact]
    public async Task Logging_out_with_any_token_of_a_session_revokes_the_whole_session()
    {
        var session = await _client.SignUpAsync("family");
        var rotated = await _client.RefreshOkAsync(session.RefreshToken);

        // The first, already spent token of the session names the same session.
        using var response = await _client.PostLogoutAsync(session.AccessToken, session.RefreshToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await _client.AssertRefreshRefusedAsync(rotated);
    }

    [Fact]
    public async Task Logging_out_one_session_leaves_the_others()
    {
        var email = IdentityApi.NewEmail("devices");
        await _client.RegisterAsync(email);
        var phone = await _client.LoginAsync(email);
        var laptop = await _client.LoginAsync(email);

        using var response = await _client.PostLogoutAsync(phone.AccessToken, phone.RefreshToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await _client.AssertRefreshRefusedAsync(phone.RefreshToken);
        await _client.RefreshOkAsync(laptop.RefreshToken);
    }

    [Fact]
    public async Task Logging_out_anonymously_answers_401_and_revokes_nothing()
    {
        var session = await _client.SignUpAsync("anon");

        using var response = await _client.PostLogoutAsync(accessToken: null, session.RefreshToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["UNAUTHORIZED"], (await response.ReadErrorAsync()).ErrorCodes());
        await _client.RefreshOkAsync(session.RefreshToken);
    }

    [Fact]
    public async Task Logging_out_with_a_garbage_bearer_token_answers_401_and_revokes_nothing()
    {
        var session = await _client.SignUpAsync("garbage");

        using var response = await _client.PostLogoutAsync("not.a.jwt", session.RefreshToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["INVALID_TOKEN"], (await response.ReadErrorAsync()).ErrorCodes());
        await _client.RefreshOkAsync(session.RefreshToken);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Logging_out_without_a_refresh_token_answers_400(string? refreshToken)
    {
        var session = await _client.SignUpAsync("nobody");

        using var response = await _client.PostLogoutAsync(session.AccessToken, refreshToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["refreshToken"], error.ErrorFields());
        Assert.Equal(["REQUIRED_FIELD"], error.ErrorCodes());
        await _client.RefreshOkAsync(session.RefreshToken);
    }

    [Fact]
    public async Task A_refresh_token_longer_than_the_documented_512_characters_is_refused_with_400_and_the_session_stays()
    {
        var session = await _client.SignUpAsync("longtoken");

        using var response = await _client.PostLogoutAsync(session.AccessToken, new string('a', 513));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["refreshToken"], error.ErrorFields());
        await _client.RefreshOkAsync(session.RefreshToken);
    }

    [Fact]
    public async Task Another_users_refresh_token_is_left_alone()
    {
        var alice = await _client.SignUpAsync("alice");
        var bob = await _client.SignUpAsync("bob");

        using var response = await _client.PostLogoutAsync(bob.AccessToken, alice.RefreshToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await _client.RefreshOkAsync(alice.RefreshToken);
        await _client.RefreshOkAsync(bob.RefreshToken);
    }

    [Fact]
    public async Task An_unknown_refresh_token_answers_204_like_any_other()
    {
        var session = await _client.SignUpAsync("unknown");

        using var response = await _client.PostLogoutAsync(session.AccessToken, "never-issued");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await _client.RefreshOkAsync(session.RefreshToken);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteLogoutTests(IdentityFactory factory) : LogoutTests<IdentityFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresLogoutTests(PostgresIdentityFactory factory) : LogoutTests<PostgresIdentityFactory>(factory);
