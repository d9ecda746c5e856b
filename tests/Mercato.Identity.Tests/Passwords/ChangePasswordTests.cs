using System.Net;
using Mercato.Identity.Contracts;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;
using static Mercato.Identity.Tests.Support.AccountMail;

namespace Mercato.Identity.Tests.Passwords;

/// <summary>
/// <c>POST /api/v1/users/change-password</c> (and seed 000's <c>/me/change-password</c>) on one
/// provider: the caller's session stays, every other session is signed out.
/// </summary>
public abstract class ChangePasswordTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : IdentityFactory, new()
{
    private const string Url = "/api/v1/users/change-password";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Changing_the_password_keeps_the_callers_session_signs_out_the_others_and_publishes_PasswordChanged()
    {
        var email = IdentityApi.NewEmail("change");
        var userId = await _client.RegisterAsync(email);
        var phone = await _client.LoginAsync(email);
        var laptop = await _client.LoginAsync(email);
        var stamp = (await factory.UserAsync(userId)).SecurityStamp;

        using var response = await _client.PostFromAsync(
            Url, new { currentPassword = IdentityApi.Password, newPassword = NewPassword, confirmPassword = NewPassword }, token: phone.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal("Password changed successfully", body.GetProperty("message").GetString());
        await _client.RefreshOkAsync(phone.RefreshToken);
        await _client.AssertRefreshRefusedAsync(laptop.RefreshToken);
        Assert.True(await _client.SignsInAsync(email, NewPassword));
        Assert.False(await _client.SignsInAsync(email, IdentityApi.Password));
        Assert.NotEqual(stamp, (await factory.UserAsync(userId)).SecurityStamp);
        var changed = Assert.Single(await factory.EventsAsync<PasswordChanged>(userId));
        Assert.False(changed.GetProperty("byReset").GetBoolean());
        Assert.Equal(email, changed.GetProperty("email").GetString());
        Assert.Equal("Ada", changed.GetProperty("firstName").GetString());
    }

    [Fact]
    public async Task Seed_000s_path_and_names_change_the_password()
    {
        var session = await _client.SignUpAsync("seed000");
        var email = (await factory.UserAsync(session.UserId)).Email!;

        using var response = await _client.PostFromAsync(
            "/api/v1/users/me/change-password",
            new Dictionary<string, string> { ["old_password"] = IdentityApi.Password, ["new_password"] = NewPassword, ["confirm_password"] = NewPassword },
            token: session.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await _client.SignsInAsync(email, NewPassword));
    }

    [Fact]
    public async Task A_wrong_current_password_answers_400_naming_it_changes_nothing_and_counts_as_a_failed_sign_in()
    {
        var session = await _client.SignUpAsync("wrong");
        var email = (await factory.UserAsync(session.UserId)).Email!;
        var address = ThrottledLogins.NewAddress();
        var body = new { currentPassword = ThrottledLogins.WrongPassword, newPassword = NewPassword, confirmPassword = NewPassword };

        for (var i = 1; i <= 4; i++)
        {
            using var wrong = await _client.PostFromAsync(Url, body, address, session.AccessToken);
            await wrong.AssertRefusedAsync("VALIDATION_ERROR", "currentPassword");
        }

        // The fifth failure reaches the sign-in limit: this address now waits, even with the right password.
        await ThrottledLogins.AssertSlowedAsync(await _client.PostFromAsync(Url, body, address, session.AccessToken), expectedSeconds: 60);
        await ThrottledLogins.AssertSlowedAsync(
            await _client.PostFromAsync(Url, body with { currentPassword = IdentityApi.Password }, address, session.AccessToken), expectedSeconds: 60);
        Assert.True(await _client.SignsInAsync(email, IdentityApi.Password));
        Assert.Empty(await factory.EventsAsync<PasswordChanged>(session.UserId));
        await _client.RefreshOkAsync(session.RefreshToken);
    }

    [Theory]
    [InlineData("{\"newPassword\":\"Fresh-Pass456\",\"confirmPassword\":\"Fresh-Pass456\"}", "currentPassword")]
    [InlineData("{\"currentPassword\":\"Secure-Pass123\",\"confirmPassword\":\"Fresh-Pass456\"}", "newPassword")]
    [InlineData("{\"currentPassword\":\"Secure-Pass123\",\"newPassword\":\"short1\",\"confirmPassword\":\"short1\"}", "newPassword")]
    [InlineData("{\"currentPassword\":\"Secure-Pass123\",\"newPassword\":\"onlylowercase\",\"confirmPassword\":\"onlylowercase\"}", "newPassword")]
    [InlineData("{\"currentPassword\":\"Secure-Pass123\",\"newPassword\":\"Fresh-Pass456\",\"confirmPassword\":\"Fresh-Pass457\"}", "confirmPassword")]
    [InlineData("{\"currentPassword\":\"Secure-Pass123\",\"newPassword\":\"Fresh-Pass456\"}", "confirmPassword")]
    [InlineData("{\"currentPassword\":\"Secure-Pass123\",\"newPassword\":42,\"confirmPassword\":\"Fresh-Pass456\"}", "newPassword")]
    public async Task A_bad_request_answers_400_naming_the_field_and_changes_nothing(string json, string field)
    {
        var session = await _client.SignUpAsync("badchange");
        var email = (await factory.UserAsync(session.UserId)).Email!;

        using var response = await _client.SendRawAsync(HttpMethod.Post, Url, session.AccessToken, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.ReadErrorAsync()).ErrorFields());
        Assert.True(await _client.SignsInAsync(email, IdentityApi.Password));
        Assert.Empty(await factory.EventsAsync<PasswordChanged>(session.UserId));
    }

    [Fact]
    public async Task Anonymous_callers_get_401_and_service_tokens_403()
    {
        await using var host = new TFactory();
        ServiceClients.ConfigureOrders(host);
        using var client = host.CreateClient();
        var body = new { currentPassword = IdentityApi.Password, newPassword = NewPassword, confirmPassword = NewPassword };

        using var anonymous = await client.PostFromAsync(Url, body);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(["UNAUTHORIZED"], (await anonymous.ReadErrorAsync()).ErrorCodes());

        using var service = await client.PostFromAsync(Url, body, token: await client.OrdersTokenAsync());
        Assert.Equal(HttpStatusCode.Forbidden, service.StatusCode);
        Assert.Equal(["FORBIDDEN"], (await service.ReadErrorAsync()).ErrorCodes());
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteChangePasswordTests(IdentityFactory factory) : ChangePasswordTests<IdentityFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresChangePasswordTests(PostgresIdentityFactory factory) : ChangePasswordTests<PostgresIdentityFactory>(factory);
