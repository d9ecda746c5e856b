using System.Net;
using System.Text.Json;
using Mercato.Identity.Tests.Support;
using Mercato.Platform.Auth;
using Mercato.Testing;

namespace Mercato.Identity.Tests.SignIn;

/// <summary><c>POST /api/v1/auth/verify</c> for user tokens, on one provider.</summary>
public abstract class VerifyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : IdentityFactory
{
    private const string VerifyUrl = "/api/v1/auth/verify";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_valid_user_token_is_described()
    {
        var email = IdentityApi.NewEmail("verify");
        await _client.RegisterAsync(email);
        var session = await _client.LoginAsync(email);

        using var response = await _client.PostJsonAsync(VerifyUrl, new { token = session.AccessToken });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Token is valid", body.GetProperty("message").GetString());
        var data = body.GetProperty("data");
        Assert.True(data.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("reason").ValueKind);
        Assert.Equal(session.UserId.ToString(), data.GetProperty("subject").GetString());
        Assert.Equal(session.UserId, data.GetProperty("userId").GetGuid());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("clientId").ValueKind);
        Assert.Equal(email, data.GetProperty("email").GetString());
        Assert.Equal([MercatoRoles.Customer], data.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(0, data.GetProperty("scopes").GetArrayLength());
        var expiresAt = data.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.Equal(IdentityApi.Claims(session.AccessToken).GetProperty("exp").GetInt64(), expiresAt.ToUnixTimeSeconds());
        Assert.Equal(factory.Clock.GetUtcNow().AddMinutes(15).ToUnixTimeSeconds(), expiresAt.ToUnixTimeSeconds());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    public async Task A_garbage_token_is_not_valid_and_malformed(string token)
    {
        using var response = await _client.PostJsonAsync(VerifyUrl, new { token });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Token is not valid", body.GetProperty("message").GetString());
        var data = body.GetProperty("data");
        Assert.False(data.GetProperty("valid").GetBoolean());
        Assert.Equal("malformed", data.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("subject").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("userId").ValueKind);
        Assert.Equal(0, data.GetProperty("roles").GetArrayLength());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"token":""}""")]
    [InlineData("""{"token":null}""")]
    public async Task A_missing_token_answers_400(string body)
    {
        using var response = await _client.PostRawJsonAsync(VerifyUrl, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["token"], error.ErrorFields());
        Assert.Equal(["REQUIRED_FIELD"], error.ErrorCodes());
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteVerifyTests(IdentityFactory factory) : VerifyTests<IdentityFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresVerifyTests(PostgresIdentityFactory factory) : VerifyTests<PostgresIdentityFactory>(factory);
