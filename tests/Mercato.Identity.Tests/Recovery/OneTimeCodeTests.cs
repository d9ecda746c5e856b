using System.Net;
using Mercato.Identity.Contracts;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using static Mercato.Identity.Tests.Support.AccountMail;

namespace Mercato.Identity.Tests.Recovery;

/// <summary>
/// Seed 002's one-time codes (<c>/request-code</c>, <c>/verify-code</c> and their seed paths) for a
/// password reset, on one provider; the code is read from the outbox event.
/// </summary>
public abstract class OneTimeCodeTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : IdentityFactory, new()
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_reset_code_is_mailed_stored_only_as_a_salted_hash_and_sets_the_password_once()
    {
        var email = IdentityApi.NewEmail("code");
        var userId = await _client.RegisterAsync(email);
        var session = await _client.LoginAsync(email);

        var code = await factory.RequestCodeAsync(_client, userId, email, "password_reset");

        Assert.Matches("^[0-9]{6}$", code);
        var mail = await factory.ResetMailAsync(userId);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, mail.GetProperty("token").ValueKind);
        Assert.Equal(factory.Clock.GetUtcNow().AddMinutes(10), mail.GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromSeconds(5));
        var stored = await factory.WithDbAsync(db => db.AccountSecrets.AsNoTracking().SingleAsync(s => s.UserId == userId && s.Purpose == "password_reset"));
        Assert.Null(stored.TokenHash);
        Assert.Equal(64, stored.CodeHash!.Length);
        Assert.DoesNotContain(code, stored.CodeHash, StringComparison.Ordinal);
        Assert.Equal(32, stored.CodeSalt!.Length);

        using var response = await _client.PostFromAsync("/api/v1/users/verify-code", new { email, code, purpose = "password_reset", password = NewPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await _client.SignsInAsync(email, NewPassword));
        await _client.AssertRefreshRefusedAsync(session.RefreshToken);
        Assert.True(Assert.Single(await factory.EventsAsync<PasswordChanged>(userId)).GetProperty("byReset").GetBoolean());
        using var again = await _client.PostFromAsync("/api/v1/users/verify-code", new { email, code, purpose = "password_reset", password = "Other-Pass789" });
        await again.AssertRefusedAsync("INVALID_CODE", "code");
    }

    [Fact]
    public async Task Reset_password_accepts_the_email_and_code_instead_of_a_token()
    {
        var email = IdentityApi.NewEmail("resetcode");
        var userId = await _client.RegisterAsync(email);
        var code = await factory.RequestCodeAsync(_client, userId, email, "password_reset");

        using var response = await _client.PostFromAsync("/api/v1/users/reset-password", new { email, code, newPassword = NewPassword, confirmPassword = NewPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await _client.SignsInAsync(email, NewPassword));
    }

    [Fact]
    public async Task Seed_002s_paths_and_form_fields_reset_the_password()
    {
        var email = IdentityApi.NewEmail("seed002");
        var userId = await _client.RegisterAsync(email);
        using (var asked = await _client.PostAsync(
            new Uri("/api/v1/users/request_by_email_verification", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["using_for"] = "password_reset" })))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        }

        var code = (await factory.ResetMailAsync(userId)).GetProperty("code").GetString()!;
        using var response = await _client.PostAsync(
            new Uri("/api/v1/users/verify_email_token", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["otp"] = code, ["email"] = email, ["using_for"] = "password_reset", ["password"] = NewPassword }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await _client.SignsInAsync(email, NewPassword));
    }

    [Fact]
    public async Task A_code_for_an_unknown_address_is_answered_like_a_known_one_and_a_quick_second_request_waits()
    {
        var email = IdentityApi.NewEmail("known");
        var userId = await _client.RegisterAsync(email);
        var unknown = IdentityApi.NewEmail("nobody");

        using var known = await _client.PostFromAsync("/api/v1/users/request-code", new { email, purpose = "password_reset" });
        using var stranger = await _client.PostFromAsync("/api/v1/users/request-code", new { email = unknown, purpose = "password_reset" });

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stranger.StatusCode);
        Assert.Equal((await known.ReadJsonAsync()).GetProperty("message").GetString(), (await stranger.ReadJsonAsync()).GetProperty("message").GetString());

        using var again = await _client.PostFromAsync("/api/v1/users/request-code", new { email, purpose = "password_reset" });
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.InRange(again.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Single(await factory.EventsAsync<PasswordResetRequested>(userId));
    }

    [Theory]
    [InlineData("/api/v1/users/request-code", "{\"email\":\"a@example.com\",\"purpose\":\"login\"}", "purpose")]
    [InlineData("/api/v1/users/request-code", "{\"email\":\"a@example.com\"}", "purpose")]
    [InlineData("/api/v1/users/request-code", "{\"purpose\":\"password_reset\"}", "email")]
    [InlineData("/api/v1/users/verify-code", "{\"email\":\"a@example.com\",\"code\":\"123456\",\"purpose\":\"password_reset\"}", "password")]
    [InlineData("/api/v1/users/verify-code", "{\"email\":\"a@example.com\",\"code\":\"123456\",\"purpose\":\"password_reset\",\"password\":\"weak\"}", "password")]
    [InlineData("/api/v1/users/verify-code", "{\"email\":\"a@example.com\",\"code\":\"1234567\",\"purpose\":\"email_verification\"}", "code")]
    [InlineData("/api/v1/users/verify-code", "{\"email\":\"a@example.com\",\"purpose\":\"email_verification\"}", "code")]
    public async Task A_bad_code_request_answers_400_naming_the_field(string url, string json, string field)
    {
        using var response = await _client.SendRawAsync(HttpMethod.Post, url, null, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], (await response.ReadErrorAsync()).ErrorFields().Distinct());
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteOneTimeCodeTests(IdentityFactory factory) : OneTimeCodeTests<IdentityFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresOneTimeCodeTests(PostgresIdentityFactory factory) : OneTimeCodeTests<PostgresIdentityFactory>(factory);
