using System.Net;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;

namespace Mercato.Identity.Tests.Accounts;

/// <summary><c>POST /api/v1/auth/register</c> on one provider.</summary>
public abstract class RegistrationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : IdentityFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Registering_answers_201_in_seed_004s_shape_and_the_account_can_sign_in()
    {
        var email = IdentityApi.NewEmail();
        using var response = await _client.PostJsonAsync("/api/v1/auth/register", new
        {
            email,
            password = IdentityApi.Password,
            firstName = "John",
            lastName = "Doe",
            phoneNumber = "+1234567890",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        var data = body.GetProperty("data");
        var userId = data.GetProperty("userId").GetGuid();
        Assert.Equal(email, data.GetProperty("email").GetString());
        Assert.True(data.GetProperty("emailVerificationRequired").GetBoolean());
        Assert.Equal("Registration successful. Please verify your email.", body.GetProperty("message").GetString());
        Assert.Equal($"/api/v1/users/{userId}", response.Headers.Location?.OriginalString);

        var session = await _client.LoginAsync(email);
        Assert.Equal(userId, session.UserId);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteRegistrationTests(IdentityFactory factory) : RegistrationTests<IdentityFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresRegistrationTests(PostgresIdentityFactory factory) : RegistrationTests<PostgresIdentityFactory>(factory);
