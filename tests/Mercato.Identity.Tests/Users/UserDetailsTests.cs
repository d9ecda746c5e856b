using System.Net;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;

namespace Mercato.Identity.Tests.Users;

/// <summary><c>GET /api/v1/users/{id}</c> on one provider.</summary>
public abstract class UserDetailsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : IdentityFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task An_admin_sees_the_account_with_its_roles()
    {
        var email = IdentityApi.NewEmail("details");
        var id = await _client.RegisterPersonAsync(email, "Katherine", "Johnson", username: AdminUsersApi.NewTag("kj"));
        var admin = await _client.LoginAsAdminAsync();

        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/v1/users/{id}", admin.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        var user = body.GetProperty("data");
        Assert.Equal(id, user.GetProperty("id").GetGuid());
        Assert.Equal(email, user.GetProperty("email").GetString());
        Assert.Equal("Katherine", user.GetProperty("firstName").GetString());
        Assert.Equal("Johnson", user.GetProperty("lastName").GetString());
        Assert.False(user.GetProperty("emailVerified").GetBoolean());
        Assert.Equal(["Customer"], user.Strings("roles"));
        Assert.DoesNotContain("passwordHash", user.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unknown_id_answers_404_NOT_FOUND()
    {
        var admin = await _client.LoginAsAdminAsync();

        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/v1/users/{Guid.CreateVersion7()}", admin.AccessToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["NOT_FOUND"], (await response.ReadErrorAsync()).ErrorCodes());
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("12345")]
    public async Task An_id_that_is_not_a_guid_answers_404_in_the_envelope(string id)
    {
        var admin = await _client.LoginAsAdminAsync();

        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/v1/users/{id}", admin.AccessToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["NOT_FOUND"], error.ErrorCodes());
        Assert.Equal($"/api/v1/users/{id}", error.GetProperty("path").GetString());
    }

    [Fact]
    public async Task A_customer_gets_403_even_for_their_own_account()
    {
        var customer = await _client.SignUpAsync("peeker");
        var other = await _client.SignUpAsync("peeked");

        foreach (var id in new[] { customer.UserId, other.UserId })
        {
            using var response = await _client.SendAsync(HttpMethod.Get, $"/api/v1/users/{id}", customer.AccessToken);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(["FORBIDDEN"], (await response.ReadErrorAsync()).ErrorCodes());
        }
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        var someone = await _client.SignUpAsync("anon-target");

        using var response = await _client.GetAsync(new Uri($"/api/v1/users/{someone.UserId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["UNAUTHORIZED"], (await response.ReadErrorAsync()).ErrorCodes());
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteUserDetailsTests(IdentityFactory factory) : UserDetailsTests<IdentityFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresUserDetailsTests(PostgresIdentityFactory factory) : UserDetailsTests<PostgresIdentityFactory>(factory);
