using System.Net;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;

namespace Mercato.Identity.Tests.Users;

/// <summary><c>POST /api/v1/users/{id}/lock</c> and <c>/unlock</c> on one provider.</summary>
public abstract class UserLockTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : IdentityFactory, new()
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_locked_account_cannot_sign_in_or_refresh_until_it_is_unlocked()
    {
        var email = IdentityApi.NewEmail("locked");
        var id = await _client.RegisterAsync(email);
        var session = await _client.LoginAsync(email);
        var admin = await _client.LoginAsAdminAsync();

        using (var locked = await _client.SendAsync(HttpMethod.Post, $"/api/v1/users/{id}/lock", admin.AccessToken, new { }))
        {
            Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
            Assert.Equal(DateTimeOffset.MaxValue, (await locked.ReadJsonAsync()).GetProperty("data").GetProperty("lockedUntil").GetDateTimeOffset());
        }

        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, (await _client.GetUserAsync(admin.AccessToken, id)).GetProperty("lockedUntil").ValueKind);
        using (var signIn = await _client.PostJsonAsync("/api/v1/auth/login", new { email, password = IdentityApi.Password }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
        }

        using (var wrong = await _client.PostJsonAsync("/api/v1/auth/login", new { email, password = "Wrong-Pass123" }))
        {
            // A wrong password learns nothing about the lock.
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var refresh = await _client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = session.RefreshToken }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        }

        using (var unlocked = await _client.SendAsync(HttpMethod.Post, $"/api/v1/users/{id}/unlock", admin.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        }

        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await _client.GetUserAsync(admin.AccessToken, id)).GetProperty("lockedUntil").ValueKind);
        Assert.Equal(id, (await _client.LoginAsync(email)).UserId);
    }

    [Fact]
    public async Task Only_administrators_lock_an_administrator_cannot_lock_themselves_and_an_unknown_account_is_404()
    {
        var customer = await _client.SignUpAsync("notadmin");
        var admin = await _client.LoginAsAdminAsync();

        using (var byCustomer = await _client.SendAsync(HttpMethod.Post, $"/api/v1/users/{admin.UserId}/lock", customer.AccessToken, new { }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byCustomer.StatusCode);
        }

        using (var self = await _client.SendAsync(HttpMethod.Post, $"/api/v1/users/{admin.UserId}/lock", admin.AccessToken, new { }))
        {
            Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        }

        using (var unknown = await _client.SendAsync(HttpMethod.Post, $"/api/v1/users/{Guid.NewGuid()}/lock", admin.AccessToken, new { }))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using (var past = await _client.SendAsync(HttpMethod.Post, $"/api/v1/users/{customer.UserId}/lock", admin.AccessToken, new { until = DateTimeOffset.UtcNow.AddHours(-1) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        }

        // Nothing of that locked anyone.
        var email = (await _client.GetUserAsync(admin.AccessToken, customer.UserId)).GetProperty("email").GetString()!;
        Assert.Equal(customer.UserId, (await _client.LoginAsync(email)).UserId);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteUserLockTests(IdentityFactory factory) : UserLockTests<IdentityFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresUserLockTests(PostgresIdentityFactory factory) : UserLockTests<PostgresIdentityFactory>(factory);
