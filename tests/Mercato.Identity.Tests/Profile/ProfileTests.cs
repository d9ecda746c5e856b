using System.Net;
using System.Text.Json;
using Mercato.Identity.Contracts;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;

namespace Mercato.Identity.Tests.Profile;

/// <summary><c>GET</c> and <c>PUT /api/v1/users/profile</c> and seed 000's <c>PUT /api/v1/users/me/update</c> on one provider.</summary>
public abstract class ProfileTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AccountsFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    private static Update FullUpdate(string? email = null) => new(" Grace ", "Hopper", "+14155550123", "1990-01-15", "pt-BR", email);

    [Fact]
    public async Task A_new_account_s_profile_has_seed_004_s_shape()
    {
        var email = IdentityApi.NewEmail("profile");
        await _client.RegisterAsync(email);
        var session = await _client.LoginAsync(email);

        using var response = await _client.SendAsync(HttpMethod.Get, AccountsApi.ProfileUrl, session.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var body = await response.ReadJsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        var profile = body.GetProperty("data");
        Assert.Equal(session.UserId, profile.GetProperty("id").GetGuid());
        Assert.Equal(email, profile.GetProperty("email").GetString());
        Assert.Equal("Ada", profile.GetProperty("firstName").GetString());
        Assert.Equal("Lovelace", profile.GetProperty("lastName").GetString());
        Assert.Equal("+1234567890", profile.GetProperty("phoneNumber").GetString());
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("dateOfBirth").ValueKind);
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("preferredLanguage").ValueKind);
        Assert.Empty(profile.GetProperty("addresses").EnumerateArray());
        Assert.False(profile.GetProperty("emailVerified").GetBoolean());
        Assert.EndsWith("Z", profile.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("Z", profile.GetProperty("updatedAt").GetString(), StringComparison.Ordinal);
        Assert.False(profile.TryGetProperty("passwordHash", out _));
    }

    [Fact]
    public async Task Put_replaces_the_fields_answers_the_profile_and_publishes_UserProfileChanged()
    {
        var session = await _client.SignUpAsync("update");
        var before = await _client.ProfileAsync(session.AccessToken);

        using var response = await _client.SendAsync(HttpMethod.Put, AccountsApi.ProfileUrl, session.AccessToken, FullUpdate());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Profile updated successfully", body.GetProperty("message").GetString());
        foreach (var profile in new[] { body.GetProperty("data"), await _client.ProfileAsync(session.AccessToken) })
        {
            Assert.Equal("Grace", profile.GetProperty("firstName").GetString());
            Assert.Equal("Hopper", profile.GetProperty("lastName").GetString());
            Assert.Equal("+14155550123", profile.GetProperty("phoneNumber").GetString());
            Assert.Equal("1990-01-15", profile.GetProperty("dateOfBirth").GetString());
            Assert.Equal("pt-BR", profile.GetProperty("preferredLanguage").GetString());
            Assert.Equal(before.GetProperty("createdAt").GetString(), profile.GetProperty("createdAt").GetString());
            Assert.True(profile.GetProperty("updatedAt").GetDateTime() >= before.GetProperty("updatedAt").GetDateTime());
        }

        var changed = Assert.Single(await factory.ProfileChangedEventsAsync(session.UserId));
        Assert.Equal("Grace", changed.GetProperty("firstName").GetString());
        Assert.Equal("Hopper", changed.GetProperty("lastName").GetString());
        Assert.Equal("+14155550123", changed.GetProperty("phoneNumber").GetString());
        Assert.Equal("pt-BR", changed.GetProperty("language").GetString());
        Assert.Equal(before.GetProperty("email").GetString(), changed.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Put_clears_the_optional_fields_it_leaves_out_and_publishes_again()
    {
        var session = await _client.SignUpAsync("clear");
        (await _client.SendAsync(HttpMethod.Put, AccountsApi.ProfileUrl, session.AccessToken, FullUpdate())).Dispose();

        using var response = await _client.SendAsync(
            HttpMethod.Put, AccountsApi.ProfileUrl, session.AccessToken, new { firstName = "Grace", lastName = "Hopper", phoneNumber = (string?)null });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = await _client.ProfileAsync(session.AccessToken);
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("phoneNumber").ValueKind);
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("dateOfBirth").ValueKind);
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("preferredLanguage").ValueKind);
        var events = await factory.ProfileChangedEventsAsync(session.UserId);
        Assert.Equal(2, events.Count);
        Assert.Contains(events, e => e.GetProperty("phoneNumber").ValueKind == JsonValueKind.Null && e.GetProperty("language").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Put_without_a_change_answers_200_and_publishes_nothing_more()
    {
        var session = await _client.SignUpAsync("same");
        (await _client.SendAsync(HttpMethod.Put, AccountsApi.ProfileUrl, session.AccessToken, FullUpdate())).Dispose();

        using var response = await _client.SendAsync(HttpMethod.Put, AccountsApi.ProfileUrl, session.AccessToken, FullUpdate());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await factory.ProfileChangedEventsAsync(session.UserId));
    }

    [Fact]
    public async Task The_account_s_own_e_mail_in_any_case_is_accepted()
    {
        var email = IdentityApi.NewEmail("sameemail");
        await _client.RegisterAsync(email);
        var session = await _client.LoginAsync(email);

        using var response = await _client.SendAsync(HttpMethod.Put, AccountsApi.ProfileUrl, session.AccessToken, FullUpdate(email.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(email, (await _client.ProfileAsync(session.AccessToken)).GetProperty("email").GetString());
    }

    [Fact]
    public async Task Another_e_mail_without_the_password_answers_400_naming_currentPassword_and_changes_nothing()
    {
        var email = IdentityApi.NewEmail("newemail");
        var userId = await _client.RegisterAsync(email);
        var session = await _client.LoginAsync(email);
        var verificationsBefore = (await factory.EventsAsync<EmailVerificationRequested>(userId)).Count;

        using var missing = await _client.SendAsync(HttpMethod.Put, AccountsApi.ProfileUrl, session.AccessToken, FullUpdate(IdentityApi.NewEmail("other")));
        using var wrong = await _client.SendAsync(
            HttpMethod.Put, AccountsApi.ProfileUrl, session.AccessToken, FullUpdate(IdentityApi.NewEmail("other")) with { currentPassword = "Wrong-Pass123" });

        foreach (var response in new[] { missing, wrong })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = await response.ReadErrorAsync();
            Assert.Equal(["currentPassword"], error.ErrorFields());
        }

        var profile = await _client.ProfileAsync(session.AccessToken);
        Assert.Equal(email, profile.GetProperty("email").GetString());
        Assert.Equal("Ada", profile.GetProperty("firstName").GetString());
        Assert.Empty(await factory.ProfileChangedEventsAsync(session.UserId));
        Assert.Equal(verificationsBefore, (await factory.EventsAsync<EmailVerificationRequested>(userId)).Count);
    }

    [Fact]
    public async Task Another_e_mail_with_the_password_is_verified_first_and_then_replaces_the_old_one()
    {
        var email = IdentityApi.NewEmail("moving");
        var userId = await _client.RegisterAsync(email);
        var session = await _client.LoginAsync(email);
        var newEmail = IdentityApi.NewEmail("moved");

        using var response = await _client.SendAsync(
            HttpMethod.Put, AccountsApi.ProfileUrl, session.AccessToken, FullUpdate(newEmail.ToUpperInvariant()) with { currentPassword = IdentityApi.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.StartsWith("Profile updated successfully; a verification link and code have been sent", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        // The names changed at once; the address only once the new one is verified.
        Assert.Equal(email, body.GetProperty("data").GetProperty("email").GetString());
        Assert.Equal("Grace", body.GetProperty("data").GetProperty("firstName").GetString());
        var mail = await factory.VerificationMailAsync(userId);
        Assert.True(mail.GetProperty("isEmailChange").GetBoolean());
        Assert.Equal(newEmail, mail.GetProperty("email").GetString(), ignoreCase: true);
        Assert.Equal("pt-BR", mail.GetProperty("language").GetString());
        Assert.True(await _client.SignsInAsync(email, IdentityApi.Password));

        using var verified = await _client.PostFromAsync("/api/v1/users/verify-email", new { token = mail.GetProperty("token").GetString() });
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(newEmail, (await _client.ProfileAsync(session.AccessToken)).GetProperty("email").GetString(), ignoreCase: true);
        Assert.True(await _client.SignsInAsync(newEmail, IdentityApi.Password));
        Assert.False(await _client.SignsInAsync(email, IdentityApi.Password));
    }

    [Fact]
    public async Task Another_accounts_e_mail_answers_409_naming_email_and_changes_nothing()
    {
        var taken = IdentityApi.NewEmail("taken");
        await _client.RegisterAsync(taken);
        var email = IdentityApi.NewEmail("mover");
        await _client.RegisterAsync(email);
        var session = await _client.LoginAsync(email);

        using var response = await _client.SendAsync(
            HttpMethod.Put, AccountsApi.ProfileUrl, session.AccessToken, FullUpdate(taken) with { currentPassword = IdentityApi.Password });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["email"], (await response.ReadErrorAsync()).ErrorFields());
        Assert.Equal("Ada", (await _client.ProfileAsync(session.AccessToken)).GetProperty("firstName").GetString());
        Assert.Empty(await factory.ProfileChangedEventsAsync(session.UserId));
    }

    [Theory]
    [InlineData("""{"firstName":"","lastName":"Hopper"}""", "firstName")]
    [InlineData("""{"lastName":"Hopper"}""", "firstName")]
    [InlineData("""{"firstName":"Grace"}""", "lastName")]
    [InlineData("""{"firstName":"Gr\u0007ace","lastName":"Hopper"}""", "firstName")]
    [InlineData("""{"firstName":"Grace","lastName":"Hopper","phoneNumber":"12345678"}""", "phoneNumber")]
    [InlineData("""{"firstName":"Grace","lastName":"Hopper","phoneNumber":"+44 20 7946 0958"}""", "phoneNumber")]
    [InlineData("""{"firstName":"Grace","lastName":"Hopper","phoneNumber":"+0123456789"}""", "phoneNumber")]
    [InlineData("""{"firstName":"Grace","lastName":"Hopper","dateOfBirth":"1899-12-31"}""", "dateOfBirth")]
    [InlineData("""{"firstName":"Grace","lastName":"Hopper","dateOfBirth":"2999-01-01"}""", "dateOfBirth")]
    [InlineData("""{"firstName":"Grace","lastName":"Hopper","dateOfBirth":"1990-02-30"}""", "dateOfBirth")]
    [InlineData("""{"firstName":"Grace","lastName":"Hopper","dateOfBirth":"15/01/1990"}""", "dateOfBirth")]
    [InlineData("""{"firstName":"Grace","lastName":"Hopper","preferredLanguage":"english"}""", "preferredLanguage")]
    [InlineData("""{"firstName":"Grace","lastName":"Hopper","preferredLanguage":"pt_BR"}""", "preferredLanguage")]
    public async Task A_bad_field_answers_400_naming_it_and_changes_nothing(string json, string field)
    {
        var session = await _client.SignUpAsync("badfield");

        using var response = await _client.SendRawAsync(HttpMethod.Put, AccountsApi.ProfileUrl, session.AccessToken, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.False(error.GetProperty("success").GetBoolean());
        Assert.Equal([field], error.ErrorFields());
        await AssertUnchangedAsync(session);
    }

    [Fact]
    public async Task A_date_of_birth_less_than_13_years_ago_answers_400()
    {
        var session = await _client.SignUpAsync("young");
        var twelve = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddYears(-12);

        using var response = await _client.SendAsync(
            HttpMethod.Put, AccountsApi.ProfileUrl, session.AccessToken, new { firstName = "Grace", lastName = "Hopper", dateOfBirth = twelve.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["dateOfBirth"], (await response.ReadErrorAsync()).ErrorFields());
        await AssertUnchangedAsync(session);
    }

    [Fact]
    public async Task Seed_000_s_update_me_takes_snake_case_fields_through_the_same_handler()
    {
        var session = await _client.SignUpAsync("seed000");

        using var response = await _client.SendRawAsync(
            HttpMethod.Put, "/api/v1/users/me/update/", session.AccessToken,
            """{"first_name":"Grace","last_name":"Hopper","phone_number":"+14155550123","date_of_birth":"1990-01-15"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Profile updated successfully", (await response.ReadJsonAsync()).GetProperty("message").GetString());
        var profile = await _client.ProfileAsync(session.AccessToken);
        Assert.Equal(("Grace", "Hopper", "+14155550123", "1990-01-15"), (
            profile.GetProperty("firstName").GetString(), profile.GetProperty("lastName").GetString(),
            profile.GetProperty("phoneNumber").GetString(), profile.GetProperty("dateOfBirth").GetString()));
        Assert.Single(await factory.ProfileChangedEventsAsync(session.UserId));
    }

    [Theory]
    [InlineData("GET", "/api/v1/users/profile")]
    [InlineData("PUT", "/api/v1/users/profile")]
    [InlineData("PUT", "/api/v1/users/me/update")]
    public async Task Anonymous_answers_401(string method, string url)
    {
        using var response = await _client.SendAsync(new HttpMethod(method), url, null, FullUpdate());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["UNAUTHORIZED"], (await response.ReadErrorAsync()).ErrorCodes());
    }

    [Theory]
    [InlineData("GET", "/api/v1/users/profile")]
    [InlineData("PUT", "/api/v1/users/profile")]
    [InlineData("PUT", "/api/v1/users/me/update")]
    public async Task A_service_token_without_a_user_answers_403(string method, string url)
    {
        var service = await _client.OrdersTokenAsync();

        using var response = await _client.SendAsync(new HttpMethod(method), url, service, FullUpdate());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(["FORBIDDEN"], (await response.ReadErrorAsync()).ErrorCodes());
    }

    private async Task AssertUnchangedAsync(Session session)
    {
        var profile = await _client.ProfileAsync(session.AccessToken);
        Assert.Equal(("Ada", "Lovelace", "+1234567890"), (
            profile.GetProperty("firstName").GetString(), profile.GetProperty("lastName").GetString(), profile.GetProperty("phoneNumber").GetString()));
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("dateOfBirth").ValueKind);
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("preferredLanguage").ValueKind);
        Assert.Empty(await factory.ProfileChangedEventsAsync(session.UserId));
    }

    /// <summary>A full PUT body (camelCase on the wire); <c>with</c> adds the password for an e-mail change.</summary>
    private sealed record Update(
        string firstName, string lastName, string? phoneNumber, string? dateOfBirth, string? preferredLanguage, string? email, string? currentPassword = null);
}


/// <summary>On SQLite.</summary>
public sealed class SqliteProfileTests(AccountsFactory factory) : ProfileTests<AccountsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresProfileTests(PostgresAccountsFactory factory) : ProfileTests<PostgresAccountsFactory>(factory);
