using System.Net;
using System.Security.Cryptography;
using System.Text;
using Mercato.Identity.Contracts;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using static Mercato.Identity.Tests.Support.AccountMail;

namespace Mercato.Identity.Tests.Recovery;

/// <summary>
/// <c>POST /api/v1/users/forgot-password</c> and <c>/reset-password</c> (and seed 000's
/// <c>/reset-password/confirm</c>) on one provider. The token is read from the
/// <c>PasswordResetRequested</c> event in the outbox, as the mail would carry it. Tests that move
/// the clock past the bearer handler's skew use a host of their own.
/// </summary>
public abstract class PasswordResetTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : IdentityFactory, new()
{
    private const string ForgotUrl = "/api/v1/users/forgot-password";
    private const string ResetUrl = "/api/v1/users/reset-password";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Forgot_password_answers_a_known_and_an_unknown_address_alike_and_mails_only_the_known_one()
    {
        var email = IdentityApi.NewEmail("forgot");
        var userId = await _client.RegisterAsync(email);

        using var known = await _client.PostFromAsync(ForgotUrl, new { email });
        using var unknown = await _client.PostFromAsync(ForgotUrl, new { email = IdentityApi.NewEmail("nobody") });

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(await ComparableAsync(known), await ComparableAsync(unknown));
        var body = await known.ReadJsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal("If an account exists for this e-mail address, a password reset link has been sent to it", body.GetProperty("message").GetString());
        Assert.False(body.TryGetProperty("data", out _));

        var mail = Assert.Single(await factory.EventsAsync<PasswordResetRequested>(userId));
        var token = mail.GetProperty("token").GetString()!;
        Assert.Equal(32, Base64UrlEncoder.DecodeBytes(token).Length);
        Assert.Equal(JsonNull, mail.GetProperty("code").ValueKind);
        Assert.Equal(email, mail.GetProperty("email").GetString());
        Assert.Equal("Ada", mail.GetProperty("firstName").GetString());
        var expiresAt = mail.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.Equal(factory.Clock.GetUtcNow().AddHours(1), expiresAt, TimeSpan.FromSeconds(5));

        // Only the token's SHA-256 is stored.
        var secret = await factory.WithDbAsync(db => db.AccountSecrets.AsNoTracking().SingleAsync(s => s.UserId == userId && s.Purpose == "password_reset"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), secret.TokenHash);
        Assert.Null(secret.CodeHash);
    }

    [Fact]
    public async Task Forgot_password_code_requests_and_resends_hold_known_and_unknown_answers_to_the_same_minimum_time()
    {
        // Identity:PasswordReset:MinimumAnswerTime's default (250 ms), less the timer's granularity (a delay may end a few ms early).
        var minimum = TimeSpan.FromMilliseconds(230);

        foreach (var (url, body) in new (string, Func<string, object>)[]
        {
            (ForgotUrl, e => new { email = e }),
            ("/api/v1/users/request-code", e => new { email = e, purpose = "password_reset" }),
            ("/api/v1/users/resend-verification", e => new { email = e }),
        })
        {
            // One account per endpoint: each mails one secret per account and purpose a minute.
            var email = IdentityApi.NewEmail("timing");
            await _client.RegisterAsync(email);
            foreach (var address in new[] { email, IdentityApi.NewEmail("nobody") })
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                using var response = await _client.PostFromAsync(url, body(address));
                var took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.True(took >= minimum, $"{url} for {address} answered after {took.TotalMilliseconds} ms, before the floor");
            }
        }
    }

    [Fact]
    public async Task Resetting_with_the_mailed_token_sets_the_password_signs_out_everywhere_and_publishes_PasswordChanged()
    {
        var email = IdentityApi.NewEmail("reset");
        var userId = await _client.RegisterAsync(email);
        var session = await _client.LoginAsync(email);
        var before = await factory.UserAsync(userId);
        Assert.False(before.EmailConfirmed);
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddDays(1))));
        var token = await factory.ForgotAsync(_client, userId, email);

        using var response = await _client.PostFromAsync(ResetUrl, new { email, token, newPassword = NewPassword, confirmPassword = NewPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Password reset successfully", (await response.ReadJsonAsync()).GetProperty("message").GetString());
        Assert.True(await _client.SignsInAsync(email, NewPassword));
        Assert.False(await _client.SignsInAsync(email, IdentityApi.Password));
        await _client.AssertRefreshRefusedAsync(session.RefreshToken);
        var after = await factory.UserAsync(userId);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        Assert.True(after.EmailConfirmed);
        Assert.Null(after.LockoutEnd);
        var changed = Assert.Single(await factory.EventsAsync<PasswordChanged>(userId));
        Assert.True(changed.GetProperty("byReset").GetBoolean());
        Assert.Equal(email, changed.GetProperty("email").GetString());
    }

    [Fact]
    public async Task A_used_token_is_refused_and_changes_nothing()
    {
        var email = IdentityApi.NewEmail("twice");
        var userId = await _client.RegisterAsync(email);
        var token = await factory.ForgotAsync(_client, userId, email);
        using (var first = await _client.PostFromAsync(ResetUrl, new { email, token, newPassword = NewPassword, confirmPassword = NewPassword }))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var second = await _client.PostFromAsync(ResetUrl, new { email, token, newPassword = "Other-Pass789", confirmPassword = "Other-Pass789" });

        await second.AssertRefusedAsync("INVALID_TOKEN", "token");
        Assert.True(await _client.SignsInAsync(email, NewPassword));
        Assert.Single(await factory.EventsAsync<PasswordChanged>(userId));
    }

    [Fact]
    public async Task Tampered_unknown_and_another_accounts_tokens_are_refused_and_change_nothing()
    {
        var email = IdentityApi.NewEmail("victim");
        var userId = await _client.RegisterAsync(email);
        var otherEmail = IdentityApi.NewEmail("other");
        var otherId = await _client.RegisterAsync(otherEmail);
        var token = await factory.ForgotAsync(_client, userId, email);
        var othersToken = await factory.ForgotAsync(_client, otherId, otherEmail);
        var tampered = (token[0] == 'A' ? 'B' : 'A') + token[1..];

        foreach (var wrong in new[] { tampered, "never-issued", othersToken })
        {
            using var response = await _client.PostFromAsync(ResetUrl, new { email, token = wrong, newPassword = NewPassword, confirmPassword = NewPassword });
            await response.AssertRefusedAsync("INVALID_TOKEN", "token");
        }

        // An unknown address is refused the same way.
        using (var nobody = await _client.PostFromAsync(ResetUrl, new { email = IdentityApi.NewEmail("nobody"), token, newPassword = NewPassword, confirmPassword = NewPassword }))
        {
            await nobody.AssertRefusedAsync("INVALID_TOKEN", "token");
        }

        Assert.True(await _client.SignsInAsync(email, IdentityApi.Password));
        Assert.True(await _client.SignsInAsync(otherEmail, IdentityApi.Password));
        Assert.Empty(await factory.EventsAsync<PasswordChanged>(userId));

        // Both real tokens still work for their own accounts.
        using var own = await _client.PostFromAsync(ResetUrl, new { email, token, newPassword = NewPassword, confirmPassword = NewPassword });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Theory]
    [InlineData("{\"token\":\"t\",\"newPassword\":\"Fresh-Pass456\",\"confirmPassword\":\"Fresh-Pass456\"}", "email")]
    [InlineData("{\"email\":\"not-an-address\",\"token\":\"t\",\"newPassword\":\"Fresh-Pass456\",\"confirmPassword\":\"Fresh-Pass456\"}", "email")]
    [InlineData("{\"email\":\"{email}\",\"newPassword\":\"Fresh-Pass456\",\"confirmPassword\":\"Fresh-Pass456\"}", "token")]
    [InlineData("{\"email\":\"{email}\",\"token\":\"{token}\",\"newPassword\":\"short\",\"confirmPassword\":\"short\"}", "newPassword")]
    [InlineData("{\"email\":\"{email}\",\"token\":\"{token}\",\"newPassword\":\"alllowercaseletters\",\"confirmPassword\":\"alllowercaseletters\"}", "newPassword")]
    [InlineData("{\"email\":\"{email}\",\"token\":\"{token}\",\"newPassword\":\"Fresh-Pass456\",\"confirmPassword\":\"Fresh-Pass457\"}", "confirmPassword")]
    [InlineData("{\"email\":\"{email}\",\"token\":\"{token}\",\"newPassword\":\"Fresh-Pass456\"}", "confirmPassword")]
    [InlineData("{\"email\":\"{email}\",\"token\":\"{token}\",\"code\":\"123456\",\"newPassword\":\"Fresh-Pass456\",\"confirmPassword\":\"Fresh-Pass456\"}", "code")]
    [InlineData("{\"email\":\"{email}\",\"code\":\"12ab56\",\"newPassword\":\"Fresh-Pass456\",\"confirmPassword\":\"Fresh-Pass456\"}", "code")]
    public async Task A_bad_reset_request_answers_400_naming_the_field_and_the_token_still_works(string json, string field)
    {
        var email = IdentityApi.NewEmail("bad");
        var userId = await _client.RegisterAsync(email);
        var token = await factory.ForgotAsync(_client, userId, email);

        using var response = await _client.SendRawAsync(HttpMethod.Post, ResetUrl, null, json.Replace("{email}", email).Replace("{token}", token));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.ReadErrorAsync()).ErrorFields());
        Assert.True(await _client.SignsInAsync(email, IdentityApi.Password));
        using var ok = await _client.PostFromAsync(ResetUrl, new { email, token, newPassword = NewPassword, confirmPassword = NewPassword });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"email\":\"not-an-address\"}")]
    [InlineData("{\"email\":42}")]
    public async Task A_bad_forgot_request_answers_400_naming_email(string json)
    {
        using var response = await _client.SendRawAsync(HttpMethod.Post, ForgotUrl, null, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["email"], (await response.ReadErrorAsync()).ErrorFields());
    }

    [Fact]
    public async Task Seed_000s_uidb64_and_token_link_resets_the_password()
    {
        var email = IdentityApi.NewEmail("seed000");
        var userId = await _client.RegisterAsync(email);
        var token = await factory.ForgotAsync(_client, userId, email);
        var uidb64 = Base64UrlEncoder.Encode(userId.ToString());

        using var response = await _client.PostFromAsync(
            $"/api/v1/users/reset-password/confirm?uidb64={uidb64}&token={token}", new Dictionary<string, string> { ["new_password"] = NewPassword, ["confirm_password"] = NewPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await _client.SignsInAsync(email, NewPassword));
    }

    [Fact]
    public async Task Seed_000s_link_with_another_accounts_uid_is_refused()
    {
        var email = IdentityApi.NewEmail("uidowner");
        var userId = await _client.RegisterAsync(email);
        var otherEmail = IdentityApi.NewEmail("uidother");
        var otherId = await _client.RegisterAsync(otherEmail);
        var token = await factory.ForgotAsync(_client, userId, email);

        using var missing = await _client.PostFromAsync("/api/v1/users/reset-password/confirm", new { new_password = NewPassword, confirm_password = NewPassword });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["uidb64", "token"], (await missing.ReadErrorAsync()).ErrorFields());

        using var response = await _client.PostFromAsync(ResetUrl, new { uid = otherId.ToString(), token, newPassword = NewPassword, confirmPassword = NewPassword });

        await response.AssertRefusedAsync("INVALID_TOKEN", "token");
        Assert.True(await _client.SignsInAsync(email, IdentityApi.Password));
        Assert.True(await _client.SignsInAsync(otherEmail, IdentityApi.Password));
    }

    [Fact]
    public async Task An_expired_token_is_refused_and_a_newer_request_supersedes_an_older_token()
    {
        await using var host = new TFactory();
        host.Settings["Identity:OneTimeCodes:ResendInterval"] = "00:00:01";
        using var client = host.CreateClient();
        var email = IdentityApi.NewEmail("expiry");
        var userId = await client.RegisterAsync(email);
        var older = await host.ForgotAsync(client, userId, email);
        host.Clock.Advance(TimeSpan.FromSeconds(2));
        var newer = await host.ForgotAsync(client, userId, email);

        using (var superseded = await client.PostFromAsync(ResetUrl, new { email, token = older, newPassword = NewPassword, confirmPassword = NewPassword }))
        {
            await superseded.AssertRefusedAsync("INVALID_TOKEN", "token");
        }

        host.Clock.Advance(TimeSpan.FromMinutes(61));
        using var expired = await client.PostFromAsync(ResetUrl, new { email, token = newer, newPassword = NewPassword, confirmPassword = NewPassword });

        await expired.AssertRefusedAsync("INVALID_TOKEN", "token");
        Assert.Empty(await host.EventsAsync<PasswordChanged>(userId));
        Assert.Equal(2, (await host.EventsAsync<PasswordResetRequested>(userId)).Count);
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;

    private static async Task<string> ComparableAsync(HttpResponseMessage response)
    {
        var body = await response.ReadJsonAsync();
        var headers = string.Join(',', response.Headers.Select(h => h.Key).Order(StringComparer.OrdinalIgnoreCase));
        var fields = string.Join(',', body.EnumerateObject().Select(p => p.Name));
        return $"{(int)response.StatusCode} [{headers}] {fields} {body.GetProperty("message").GetString()}";
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqlitePasswordResetTests(IdentityFactory factory) : PasswordResetTests<IdentityFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresPasswordResetTests(PostgresIdentityFactory factory) : PasswordResetTests<PostgresIdentityFactory>(factory);
