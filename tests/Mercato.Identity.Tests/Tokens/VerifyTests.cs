using System.Net;
using System.Text;
using System.Text.Json;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;

namespace Mercato.Identity.Tests.Tokens;

/// <summary>
/// <c>POST /api/v1/auth/verify</c> (anonymous): whether a token is valid here and whose it is;
/// bad requests answer 400 in the envelope.
/// </summary>
public sealed class VerifyTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_users_token_is_valid_and_describes_the_user()
    {
        var email = IdentityApi.NewEmail("verify");
        var userId = await _client.RegisterAsync(email);
        var session = await _client.LoginAsync(email);

        using var response = await _client.PostJsonAsync("/api/v1/auth/verify", new { token = session.AccessToken });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal("Token is valid", body.GetProperty("message").GetString());
        var data = body.GetProperty("data");
        Assert.True(data.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("reason").ValueKind);
        Assert.Equal(userId.ToString(), data.GetProperty("subject").GetString());
        Assert.Equal(userId, data.GetProperty("userId").GetGuid());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("clientId").ValueKind);
        Assert.Equal(email, data.GetProperty("email").GetString());
        Assert.Equal(["Customer"], data.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Empty(data.GetProperty("scopes").EnumerateArray());
        var exp = DateTimeOffset.FromUnixTimeSeconds(IdentityApi.Claims(session.AccessToken).GetProperty("exp").GetInt64());
        Assert.Equal(exp, data.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.EndsWith("Z", data.GetProperty("expiresAt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admins_token_lists_the_admin_role()
    {
        var session = await _client.LoginAsAdminAsync();

        using var response = await _client.PostJsonAsync("/api/v1/auth/verify", new { token = session.AccessToken });

        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.True(data.GetProperty("valid").GetBoolean());
        Assert.Contains("Admin", data.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(IdentityFactory.AdminEmail, data.GetProperty("email").GetString());
    }

    [Fact]
    public async Task An_invalid_token_is_answered_200_with_valid_false_not_as_an_error()
    {
        using var response = await _client.PostJsonAsync("/api/v1/auth/verify", new { token = "a.b.c" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Token is not valid", body.GetProperty("message").GetString());
        Assert.False(body.GetProperty("data").GetProperty("valid").GetBoolean());
        Assert.Empty(body.GetProperty("data").GetProperty("roles").EnumerateArray());
    }

    [Theory]
    [InlineData("""{"token":""}""")]
    [InlineData("""{}""")]
    [InlineData("""{"token":null}""")]
    public async Task A_missing_or_empty_token_answers_400_naming_the_field(string json)
    {
        using var response = await PostRawAsync(json, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Contains("token", error.ErrorFields());
    }

    [Fact]
    public async Task A_token_longer_than_8192_characters_answers_400()
    {
        using var response = await _client.PostJsonAsync("/api/v1/auth/verify", new { token = new string('a', 8193) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("token", (await response.ReadErrorAsync()).ErrorFields());
    }

    [Theory]
    [InlineData("""{"token":""", "application/json", HttpStatusCode.BadRequest, "INVALID_FORMAT")]
    [InlineData("""{"token":42}""", "application/json", HttpStatusCode.BadRequest, "INVALID_FORMAT")]
    [InlineData("token=abc", "text/plain", HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE")]
    public async Task A_malformed_body_answers_4xx_in_the_envelope(string body, string contentType, HttpStatusCode status, string code)
    {
        using var response = await PostRawAsync(body, contentType);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal([code], (await response.ReadErrorAsync()).ErrorCodes());
    }

    private Task<HttpResponseMessage> PostRawAsync(string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8, contentType);
        return _client.PostAsync(new Uri("/api/v1/auth/verify", UriKind.Relative), content);
    }
}
