using System.Net;
using Mercato.Identity.Contracts;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;
using static Mercato.Identity.Tests.Support.AccountMail;

namespace Mercato.Identity.Tests.Verification;

/// <summary>
/// E-mail verification by link and by code, resends, and e-mail changes on one provider. The
/// secrets are read from the <c>EmailVerificationRequested</c> events in the outbox.
/// </summary>
public abstract class EmailVerificationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : IdentityFactory, new()
{
    private const string VerifyUrl = "/api/v1/users/verify-email";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Registering_mails_a_link_and_a_code_and_the_link_verifies_the_address_once()
    {
        var email = IdentityApi.NewEmail("verify");
        var userId = await _client.RegisterAsync(email);
        var session = await _client.LoginAsync(email);
        var mail = Assert.Single(await factory.EventsAsync<EmailVerificationRequested>(userId));
        Assert.Equal(email, mail.GetProperty("email").GetString());
        Assert.False(mail.GetProperty("isEmailChange").GetBoolean());
        Assert.Matches("^[0-9]{6}$", mail.GetProperty("code").GetString());
        Assert.Equal(factory.Clock.GetUtcNow().AddMinutes(10), mail.GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromSeconds(5));
        Assert.False(await EmailVerifiedAsync(session.AccessToken));
        Assert.False(Claim(session.AccessToken, "email_verified"));

        using var response = await _client.PostFromAsync(VerifyUrl, new { token = mail.GetProperty("token").GetString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Email verified", (await response.ReadJsonAsync()).GetProperty("message").GetString());
        Assert.True(await EmailVerifiedAsync(session.AccessToken));
        Assert.True(Claim((await _client.LoginAsync(email)).AccessToken, "email_verified"));
        using var again = await _client.PostFromAsync(VerifyUrl, new { token = mail.GetProperty("token").GetString() });
        await again.AssertRefusedAsync("INVALID_TOKEN", "token");
    }

    [Fact]
    public async Task The_code_verifies_the_address_and_a_wrong_one_is_refused()
    {
        var email = IdentityApi.NewEmail("bycode");
        var userId = await _client.RegisterAsync(email);
        var code = (await factory.VerificationMailAsync(userId)).GetProperty("code").GetString()!;

        using (var wrong = await _client.PostFromAsync(VerifyUrl, new { email, code = OtherCode(code) }))
        {
            await wrong.AssertRefusedAsync("INVALID_CODE", "code");
        }

        Assert.False((await factory.UserAsync(userId)).EmailConfirmed);
        using var response = await _client.PostFromAsync(VerifyUrl, new { email, code });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await factory.UserAsync(userId)).EmailConfirmed);
    }

    [Fact]
    public async Task After_five_tries_the_sixth_is_refused_even_with_the_right_code_and_the_code_is_burnt()
    {
        var email = IdentityApi.NewEmail("sixth");
        var userId = await _client.RegisterAsync(email);
        var code = (await factory.VerificationMailAsync(userId)).GetProperty("code").GetString()!;

        for (var i = 1; i <= 5; i++)
        {
            using var wrong = await _client.PostFromAsync("/api/v1/users/verify-code", new { email, code = OtherCode(code), purpose = "email_verification" });
            await wrong.AssertRefusedAsync("INVALID_CODE", "code");
        }

        using var sixth = await _client.PostFromAsync("/api/v1/users/verify-code", new { email, code, purpose = "email_verification" });
        await sixth.AssertRefusedAsync("INVALID_CODE", "code");
        using var seventh = await _client.PostFromAsync("/api/v1/users/verify-code", new { email, code, purpose = "email_verification" });
        await seventh.AssertRefusedAsync("INVALID_CODE", "code");
        Assert.False((await factory.UserAsync(userId)).EmailConfirmed);
    }

    [Fact]
    public async Task A_resend_within_a_minute_answers_429_with_Retry_After_alike_for_known_and_unknown_addresses()
    {
        var email = IdentityApi.NewEmail("resend");
        var userId = await _client.RegisterAsync(email);
        var unknown = IdentityApi.NewEmail("nobody");

        using var first = await _client.PostFromAsync("/api/v1/users/resend-verification", new { email });
        using var firstUnknown = await _client.PostFromAsync("/api/v1/users/resend-verification", new { email = unknown });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, firstUnknown.StatusCode);
        Assert.Equal(2, (await factory.EventsAsync<EmailVerificationRequested>(userId)).Count);

        using var second = await _client.PostFromAsync("/api/v1/users/resend-verification", new { email });
        using var secondUnknown = await _client.PostFromAsync("/api/v1/users/resend-verification", new { email = unknown });

        foreach (var refused in new[] { second, secondUnknown })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            var seconds = refused.Headers.RetryAfter?.Delta?.TotalSeconds;
            Assert.InRange(seconds ?? 0, 1, 60);
            var error = await refused.ReadErrorAsync();
            Assert.Equal(["RATE_LIMIT_EXCEEDED"], error.ErrorCodes());
            Assert.Equal((int)seconds!, error.GetProperty("retryAfter").GetInt32());
        }

        Assert.Equal(2, (await factory.EventsAsync<EmailVerificationRequested>(userId)).Count);
    }

    [Fact]
    public async Task Changing_the_email_keeps_the_old_address_until_the_new_one_is_verified()
    {
        var session = await _client.SignUpAsync("mover");
        var oldEmail = (await factory.UserAsync(session.UserId)).Email!;
        var newEmail = IdentityApi.NewEmail("moved");

        using var response = await _client.PostFromAsync(
            "/api/v1/users/change-email", new { newEmail, currentPassword = IdentityApi.Password }, token: session.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mail = await factory.VerificationMailAsync(session.UserId);
        Assert.True(mail.GetProperty("isEmailChange").GetBoolean());
        Assert.Equal(newEmail, mail.GetProperty("email").GetString());
        Assert.True(await _client.SignsInAsync(oldEmail, IdentityApi.Password));
        Assert.False(await _client.SignsInAsync(newEmail, IdentityApi.Password));

        using var verified = await _client.PostFromAsync(VerifyUrl, new { token = mail.GetProperty("token").GetString() });

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.True(await _client.SignsInAsync(newEmail, IdentityApi.Password));
        Assert.False(await _client.SignsInAsync(oldEmail, IdentityApi.Password));
        var user = await factory.UserAsync(session.UserId);
        Assert.Equal(newEmail, user.Email);
        Assert.True(user.EmailConfirmed);
    }

    [Fact]
    public async Task The_signed_in_owner_can_confirm_an_email_change_by_code()
    {
        var session = await _client.SignUpAsync("codemover");
        var newEmail = IdentityApi.NewEmail("codemoved");
        using (var asked = await _client.PostFromAsync("/api/v1/users/change-email", new { newEmail, currentPassword = IdentityApi.Password }, token: session.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        }

        var code = (await factory.VerificationMailAsync(session.UserId)).GetProperty("code").GetString()!;
        using var verified = await _client.PostFromAsync(VerifyUrl, new { code }, token: session.AccessToken);

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(newEmail, (await factory.UserAsync(session.UserId)).Email);
    }

    [Fact]
    public async Task A_new_address_taken_meanwhile_answers_409_on_verification_and_nothing_changes()
    {
        var session = await _client.SignUpAsync("racer");
        var oldEmail = (await factory.UserAsync(session.UserId)).Email!;
        var newEmail = IdentityApi.NewEmail("contested");
        using (var asked = await _client.PostFromAsync("/api/v1/users/change-email", new { newEmail, currentPassword = IdentityApi.Password }, token: session.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        }

        var token = (await factory.VerificationMailAsync(session.UserId)).GetProperty("token").GetString();
        await _client.RegisterAsync(newEmail);

        using var response = await _client.PostFromAsync(VerifyUrl, new { token });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["ALREADY_EXISTS"], (await response.ReadErrorAsync()).ErrorCodes());
        Assert.Equal(oldEmail, (await factory.UserAsync(session.UserId)).Email);
    }

    [Fact]
    public async Task A_bad_email_change_is_refused_and_changes_nothing()
    {
        var session = await _client.SignUpAsync("badmove");
        var taken = IdentityApi.NewEmail("taken");
        await _client.RegisterAsync(taken);
        var before = (await factory.EventsAsync<EmailVerificationRequested>(session.UserId)).Count;

        using (var wrong = await _client.PostFromAsync("/api/v1/users/change-email", new { newEmail = IdentityApi.NewEmail("x"), currentPassword = ThrottledLogins.WrongPassword }, token: session.AccessToken))
        {
            await wrong.AssertRefusedAsync("VALIDATION_ERROR", "currentPassword");
        }

        using (var invalid = await _client.PostFromAsync("/api/v1/users/change-email", new { newEmail = "nope", currentPassword = IdentityApi.Password }, token: session.AccessToken))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            Assert.Equal(["newEmail"], (await invalid.ReadErrorAsync()).ErrorFields());
        }

        using (var conflict = await _client.PostFromAsync("/api/v1/users/change-email", new { newEmail = taken, currentPassword = IdentityApi.Password }, token: session.AccessToken))
        {
            Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
            Assert.Equal(["newEmail"], (await conflict.ReadErrorAsync()).ErrorFields());
        }

        using (var anonymous = await _client.PostFromAsync("/api/v1/users/change-email", new { newEmail = IdentityApi.NewEmail("y"), currentPassword = IdentityApi.Password }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        Assert.Equal(before, (await factory.EventsAsync<EmailVerificationRequested>(session.UserId)).Count);
    }

    [Theory]
    [InlineData("{}", "token")]
    [InlineData("{\"token\":\"\"}", "token")]
    [InlineData("{\"email\":\"a@example.com\",\"code\":\"12345\"}", "code")]
    [InlineData("{\"code\":\"123456\"}", "email")]
    [InlineData("{\"token\":\"t\",\"code\":\"123456\"}", "code")]
    public async Task A_bad_verification_request_answers_400_naming_the_field(string json, string field)
    {
        using var response = await _client.SendRawAsync(HttpMethod.Post, VerifyUrl, null, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], (await response.ReadErrorAsync()).ErrorFields());
    }

    [Fact]
    public async Task Codes_expire_after_ten_minutes_and_verification_can_be_switched_off()
    {
        await using var host = new TFactory();
        host.Settings["Identity:EmailVerification:Required"] = "false";
        using var client = host.CreateClient();
        var email = IdentityApi.NewEmail("optional");
        using (var registered = await client.PostJsonAsync("/api/v1/auth/register", new { email, password = IdentityApi.Password }))
        {
            var body = await registered.ReadJsonAsync();
            Assert.False(body.GetProperty("data").GetProperty("emailVerificationRequired").GetBoolean());
            Assert.Equal("Registration successful.", body.GetProperty("message").GetString());
        }

        var userId = (await host.UsersWithEmailAsync(email)).Single().Id;
        Assert.Empty(await host.EventsAsync<EmailVerificationRequested>(userId));

        // A verification asked for anyway expires with its code.
        var code = await host.RequestCodeAsync(client, userId, email, "email_verification");
        host.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        using var expired = await client.PostFromAsync(VerifyUrl, new { email, code });
        await expired.AssertRefusedAsync("INVALID_CODE", "code");
        Assert.False((await host.UserAsync(userId)).EmailConfirmed);
    }

    private static string OtherCode(string code) => code == "000000" ? "000001" : "000000";

    private static bool Claim(string jwt, string name) => TokenForge.Payload(jwt).GetProperty(name).GetBoolean();

    private async Task<bool> EmailVerifiedAsync(string accessToken)
    {
        using var me = await _client.GetMeAsync(accessToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        return (await me.ReadJsonAsync()).GetProperty("data").GetProperty("emailVerified").GetBoolean();
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteEmailVerificationTests(IdentityFactory factory) : EmailVerificationTests<IdentityFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresEmailVerificationTests(PostgresIdentityFactory factory) : EmailVerificationTests<PostgresIdentityFactory>(factory);
