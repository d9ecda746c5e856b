using System.Net;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;

namespace Mercato.Identity.Tests.Accounts;

/// <summary>
/// Control characters (NUL, BEL) and bidirectional overrides (U+202E) in a registering user's
/// names answer 400 VALIDATION_ERROR naming the field, and no account is created.
/// </summary>
public abstract class RegistrationControlCharacterTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : IdentityFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("\u0000", "firstName")]
    [InlineData("\u0007", "firstName")]
    [InlineData("\u202E", "firstName")]
    [InlineData("\u0000", "lastName")]
    [InlineData("\u0007", "lastName")]
    [InlineData("\u202E", "lastName")]
    public async Task A_control_or_bidi_character_in_a_name_is_refused_and_nothing_is_stored(string character, string field)
    {
        var email = IdentityApi.NewEmail("ctl");
        var body = new Dictionary<string, object?>
        {
            ["email"] = email,
            ["password"] = IdentityApi.Password,
            ["firstName"] = "Ada",
            ["lastName"] = "Lovelace",
        };
        body[field] = "Ad" + character + "min";

        using var response = await _client.PostJsonAsync("/api/v1/auth/register", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["VALIDATION_ERROR"], error.ErrorCodes());
        Assert.Equal([field], error.ErrorFields());
        Assert.Empty(await factory.UsersWithEmailAsync(email));
    }

    [Fact]
    public async Task Accented_and_apostrophed_names_are_accepted()
    {
        var email = IdentityApi.NewEmail("names");
        using var response = await _client.PostJsonAsync("/api/v1/auth/register", new
        {
            email,
            password = IdentityApi.Password,
            firstName = "Zoë-Anaïs",
            lastName = "O'Brien Łukasz",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteRegistrationControlCharacterTests(IdentityFactory factory) : RegistrationControlCharacterTests<IdentityFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresRegistrationControlCharacterTests(PostgresIdentityFactory factory) : RegistrationControlCharacterTests<PostgresIdentityFactory>(factory);
