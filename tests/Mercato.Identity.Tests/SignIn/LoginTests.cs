using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mercato.Identity.Tests.Support;
using Mercato.Platform.Auth;
using Mercato.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.Tests.SignIn;

/// <summary><c>POST /api/v1/auth/login</c> on one provider (lockout: <see cref="LockoutTests{TFactory}"/>).</summary>
public abstract partial class LoginTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : IdentityFactory, new()
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Signing_in_by_email_answers_seed_004s_shape_with_a_15_minute_jwt()
    {
        var email = IdentityApi.NewEmail("login");
        var userId = await _client.RegisterAsync(email);

        using var response = await _client.PostLoginAsync(email, IdentityApi.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal("Login successful", body.GetProperty("message").GetString());
        var data = body.GetProperty("data");
        Assert.Equal(900, data.GetProperty("expiresIn").GetInt32());
        Assert.Equal("Bearer", data.GetProperty("tokenType").GetString());
        Assert.Matches("^[A-Za-z0-9_-]{43}$", data.GetProperty("refreshToken").GetString());
        var user = data.GetProperty("user");
        Assert.Equal(userId, user.GetProperty("id").GetGuid());
        Assert.Equal(email, user.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, user.GetProperty("username").ValueKind);
        Assert.Equal("Ada", user.GetProperty("firstName").GetString());
        Assert.Equal("Lovelace", user.GetProperty("lastName").GetString());
        Assert.Equal([MercatoRoles.Customer], Strings(user.GetProperty("roles")));

        var accessToken = data.GetProperty("accessToken").GetString()!;
        var claims = IdentityApi.Claims(accessToken);
        Assert.Equal(userId.ToString(), claims.GetProperty("sub").GetString());
        Assert.Equal(email, claims.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Array, claims.GetProperty("role").ValueKind);
        Assert.Equal([MercatoRoles.Customer], Strings(claims.GetProperty("role")));
        Assert.Equal(("Ada", "Lovelace"), (claims.GetProperty("given_name").GetString(), claims.GetProperty("family_name").GetString()));
        var auth = factory.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        Assert.Equal(auth.Issuer, claims.GetProperty("iss").GetString());
        Assert.Equal("mercato-api", claims.GetProperty("aud").GetString());
        var issuedAt = claims.GetProperty("iat").GetInt64();
        Assert.Equal(factory.Clock.GetUtcNow().ToUnixTimeSeconds(), issuedAt);
        Assert.Equal(900, claims.GetProperty("exp").GetInt64() - issuedAt);
        Assert.False(claims.TryGetProperty("preferred_username", out _));

        // The token is one the API accepts.
        using var me = await _client.GetMeAsync(accessToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Signing_in_by_username_in_any_case_or_by_email_in_the_username_field_works()
    {
        var email = IdentityApi.NewEmail("byname");
        var username = $"Lin_{Guid.NewGuid():N}"[..20];
        var userId = await _client.RegisterAsync(email, username: username);

        foreach (var identifier in new[] { username, username.ToUpperInvariant(), email, email.ToUpperInvariant() })
        {
            using var response = await _client.PostLoginAsync(new { username = identifier, password = IdentityApi.Password });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var data = (await response.ReadJsonAsync()).GetProperty("data");
            Assert.Equal(userId, data.GetProperty("user").GetProperty("id").GetGuid());
            Assert.Equal(username, data.GetProperty("user").GetProperty("username").GetString());
            Assert.Equal(username, IdentityApi.Claims(data.GetProperty("accessToken").GetString()!).GetProperty("preferred_username").GetString());
        }

        using var byEmail = await _client.PostLoginAsync(email.ToUpperInvariant(), IdentityApi.Password);
        Assert.Equal(HttpStatusCode.OK, byEmail.StatusCode);
    }

    [Fact]
    public async Task A_blank_email_next_to_a_username_signs_in_by_the_username()
    {
        var email = IdentityApi.NewEmail("blank");
        var username = $"Bl_{Guid.NewGuid():N}"[..20];
        var userId = await _client.RegisterAsync(email, username: username);

        foreach (var blank in new[] { "", "  " })
        {
            using var response = await _client.PostLoginAsync(new { email = blank, username, password = IdentityApi.Password });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(userId, (await response.ReadJsonAsync()).GetProperty("data").GetProperty("user").GetProperty("id").GetGuid());
        }
    }

    [Fact]
    public async Task The_access_token_lifetime_is_configurable()
    {
        await using var shortLived = new TFactory();
        shortLived.Settings["Identity:AccessTokenLifetime"] = "00:05:00";
        using var client = shortLived.CreateClient();
        var email = IdentityApi.NewEmail();
        await client.RegisterAsync(email);

        using var response = await client.PostLoginAsync(email, IdentityApi.Password);

        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(300, data.GetProperty("expiresIn").GetInt32());
        var claims = IdentityApi.Claims(data.GetProperty("accessToken").GetString()!);
        Assert.Equal(300, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());
    }

    [Fact]
    public async Task An_unknown_account_and_a_wrong_password_get_the_same_401()
    {
        var email = IdentityApi.NewEmail("known");
        await _client.RegisterAsync(email);

        using var unknown = await _client.PostLoginAsync(IdentityApi.NewEmail("nobody"), IdentityApi.Password);
        using var wrong = await _client.PostLoginAsync(email, "Wrong-Pass999");
        using var unknownName = await _client.PostLoginAsync(new { username = "nobody_" + Guid.NewGuid().ToString("N")[..8], password = IdentityApi.Password });

        foreach (var response in new[] { unknown, wrong, unknownName })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var error = await response.ReadErrorAsync();
            Assert.Equal(["UNAUTHORIZED"], error.ErrorCodes());
        }

        var expected = await ComparableBodyAsync(unknown);
        Assert.Equal(expected, await ComparableBodyAsync(wrong));
        Assert.Equal(expected, await ComparableBodyAsync(unknownName));
        Assert.Equal(unknown.Content.Headers.ContentType, wrong.Content.Headers.ContentType);
    }

    [Theory]
    [InlineData("{}", new[] { "email", "password" })]
    [InlineData("""{"email":"someone@example.com"}""", new[] { "password" })]
    [InlineData("""{"email":"someone@example.com","password":""}""", new[] { "password" })]
    [InlineData("""{"password":"Secure-Pass123"}""", new[] { "email" })]
    [InlineData("""{"email":"","username":"  ","password":"Secure-Pass123"}""", new[] { "email" })]
    [InlineData("""{"email":7,"password":"Secure-Pass123"}""", new[] { "email" })]
    [InlineData("""{"email":"someone@example.com","password":["Secure-Pass123"]}""", new[] { "password" })]
    public async Task A_login_missing_a_field_answers_400_naming_it(string body, string[] fields)
    {
        using var response = await _client.PostRawJsonAsync("/api/v1/auth/login", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(fields, error.ErrorFields().Order(StringComparer.Ordinal));
        Assert.All(error.ErrorCodes(), code => Assert.Contains(code, new[] { "REQUIRED_FIELD", "INVALID_FORMAT" }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("""{"email":"someone@example.com","password":""")]
    public async Task A_login_without_a_json_body_answers_400(string body)
    {
        using var response = await _client.PostRawJsonAsync("/api/v1/auth/login", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await response.ReadErrorAsync();
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>The raw body with only the per-request values (timestamp, trace id) blanked.</summary>
    private static async Task<string> ComparableBodyAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return PerRequestValues().Replace(body, "\"$1\":\"-\"");
    }

    [GeneratedRegex("\"(timestamp|traceId)\":\"[^\"]*\"")]
    private static partial Regex PerRequestValues();
}

/// <summary>On SQLite.</summary>
public sealed class SqliteLoginTests(IdentityFactory factory) : LoginTests<IdentityFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresLoginTests(PostgresIdentityFactory factory) : LoginTests<PostgresIdentityFactory>(factory);
