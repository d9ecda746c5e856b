using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Mercato.Identity.Tests.Clients;

/// <summary>
/// <c>POST /api/v1/auth/token</c> with <c>grant_type=client_credentials</c>: an RFC 6749 answer
/// for configured service clients; errors carry both the envelope and RFC 6749's <c>error</c>.
/// </summary>
public sealed class ClientCredentialsTests(ServiceClientFactory factory) : IClassFixture<ServiceClientFactory>
{
    private static readonly Uri TokenUri = new("/api/v1/auth/token", UriKind.Relative);

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Credentials_in_a_form_body_get_an_rfc_6749_token_response_that_must_not_be_cached()
    {
        using var response = await PostFormAsync(ServiceClients.Form(ServiceClients.OrdersId, ServiceClients.OrdersSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Equal("no-cache", response.Headers.Pragma.ToString());
        var body = await response.ReadJsonAsync();
        Assert.Equal(["access_token", "token_type", "expires_in", "scope"], body.EnumerateObject().Select(p => p.Name));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(900, body.GetProperty("expires_in").GetInt32());
        Assert.Equal("catalog.stock cart.read", body.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task The_service_token_names_the_client_and_its_scopes_and_carries_no_user_claims()
    {
        var token = await _client.OrdersTokenAsync();

        var claims = IdentityApi.Claims(token);
        Assert.Equal(ServiceClients.OrdersId, claims.GetProperty("sub").GetString());
        Assert.Equal(ServiceClients.OrdersId, claims.GetProperty("client_id").GetString());
        Assert.Equal("catalog.stock cart.read", claims.GetProperty("scope").GetString());
        Assert.Equal(factory.Auth().Issuer, claims.GetProperty("iss").GetString());
        Assert.Equal(factory.Auth().Audience, claims.GetProperty("aud").GetString());
        Assert.Equal(900, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());
        Assert.True(claims.TryGetProperty("jti", out _));
        foreach (var userClaim in new[] { "role", "email", "preferred_username", "given_name", "family_name" })
        {
            Assert.False(claims.TryGetProperty(userClaim, out _), $"a service token carries {userClaim}");
        }

        Assert.Contains(TokenForge.KeyId(token), await _client.PublishedKidsAsync());
    }

    [Fact]
    public async Task Http_basic_credentials_are_accepted_form_encoded_as_rfc_6749_requires()
    {
        var basic = Basic(WebUtility.UrlEncode(ServiceClientFactory.ReportsId) + ":" + WebUtility.UrlEncode(ServiceClientFactory.ReportsSecret));

        using var response = await PostFormAsync(new() { ["grant_type"] = "client_credentials" }, basic);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("orders.read", body.GetProperty("scope").GetString());
        Assert.Equal(ServiceClientFactory.ReportsId, IdentityApi.Claims(body.GetProperty("access_token").GetString()!).GetProperty("client_id").GetString());
    }

    [Fact]
    public async Task A_json_body_of_strings_is_accepted()
    {
        using var response = await _client.PostJsonAsync(TokenUri.OriginalString, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ServiceClients.OrdersId,
            ["client_secret"] = ServiceClients.OrdersSecret,
            ["scope"] = "cart.read",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cart.read", (await response.ReadJsonAsync()).GetProperty("scope").GetString());
    }

    [Theory]
    [InlineData("cart.read", "cart.read")]
    [InlineData("cart.read catalog.stock", "cart.read catalog.stock")]
    [InlineData("cart.read  cart.read", "cart.read")]
    public async Task Requested_scopes_are_granted_exactly(string requested, string granted)
    {
        using var response = await PostFormAsync(ServiceClients.Form(ServiceClients.OrdersId, ServiceClients.OrdersSecret, requested));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(granted, body.GetProperty("scope").GetString());
        Assert.Equal(granted, IdentityApi.Claims(body.GetProperty("access_token").GetString()!).GetProperty("scope").GetString());
    }

    public static TheoryData<string> BadCredentials =>
    [
        "wrong_secret", "unknown_client", "no_credentials", "no_secret", "client_id_in_other_case",
        "hash_presented_as_secret", "basic_with_wrong_secret", "basic_not_base64", "basic_without_colon",
    ];

    [Theory]
    [MemberData(nameof(BadCredentials))]
    public async Task Bad_client_credentials_answer_401_invalid_client_with_a_basic_challenge(string kind)
    {
        var grant = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        using var response = kind switch
        {
            "wrong_secret" => await PostFormAsync(ServiceClients.Form(ServiceClients.OrdersId, "wrong-secret")),
            "unknown_client" => await PostFormAsync(ServiceClients.Form("nobody", ServiceClients.OrdersSecret)),
            "no_credentials" => await PostFormAsync(grant),
            "no_secret" => await PostFormAsync(new(grant) { ["client_id"] = ServiceClients.OrdersId }),
            "client_id_in_other_case" => await PostFormAsync(ServiceClients.Form("ORDERS", ServiceClients.OrdersSecret)),
            "hash_presented_as_secret" => await PostFormAsync(
                ServiceClients.Form(ServiceClients.OrdersId, ServiceClients.Sha256Hex(ServiceClients.OrdersSecret))),
            "basic_with_wrong_secret" => await PostFormAsync(grant, Basic(ServiceClients.OrdersId + ":wrong-secret")),
            "basic_not_base64" => await PostFormAsync(grant, new AuthenticationHeaderValue("Basic", "%%%not-base64%%%")),
            "basic_without_colon" => await PostFormAsync(grant, Basic(ServiceClients.OrdersId)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown kind"),
        };

        var error = await ReadOAuthErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client", "UNAUTHORIZED");
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.DoesNotContain("access_token", error.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Credentials_in_both_the_basic_header_and_the_body_answer_400_invalid_request()
    {
        using var response = await PostFormAsync(
            ServiceClients.Form(ServiceClients.OrdersId, ServiceClients.OrdersSecret),
            Basic(ServiceClients.OrdersId + ":" + ServiceClients.OrdersSecret));

        await ReadOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request", "VALIDATION_ERROR");
    }

    [Fact]
    public async Task A_missing_grant_type_answers_400_invalid_request_naming_the_field()
    {
        var fields = ServiceClients.Form(ServiceClients.OrdersId, ServiceClients.OrdersSecret);
        fields.Remove("grant_type");

        using var response = await PostFormAsync(fields);

        var error = await ReadOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request", "VALIDATION_ERROR");
        Assert.Equal(["grant_type"], error.ErrorFields());
    }

    [Theory]
    [InlineData("password")]
    [InlineData("authorization_code")]
    [InlineData("refresh_token")]
    public async Task Any_other_grant_type_answers_400_unsupported_grant_type(string grantType)
    {
        var fields = ServiceClients.Form(ServiceClients.OrdersId, ServiceClients.OrdersSecret);
        fields["grant_type"] = grantType;

        using var response = await PostFormAsync(fields);

        var error = await ReadOAuthErrorAsync(response, HttpStatusCode.BadRequest, "unsupported_grant_type", "VALIDATION_ERROR");
        Assert.Equal(["grant_type"], error.ErrorFields());
    }

    [Fact]
    public async Task A_scope_the_client_may_not_ask_for_answers_400_invalid_scope_and_names_it()
    {
        using var response = await PostFormAsync(ServiceClients.Form(ServiceClients.OrdersId, ServiceClients.OrdersSecret, "cart.read orders.write"));

        var error = await ReadOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_scope", "VALIDATION_ERROR");
        Assert.Equal(["scope"], error.ErrorFields());
        Assert.Contains("orders.write", error.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("cart.read", error.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain", "grant_type=client_credentials&client_id=orders&client_secret=x")]
    [InlineData("application/json", """["grant_type","client_credentials"]""")]
    [InlineData("application/json", """{"grant_type":"client_credentials","client_id":"orders","client_secret":42}""")]
    [InlineData("application/json", """{"grant_type":""")]
    [InlineData("application/x-www-form-urlencoded", "grant_type=client_credentials&grant_type=password&client_id=orders&client_secret=x")]
    public async Task A_body_that_is_not_a_form_or_a_json_object_of_strings_answers_400_invalid_request(string contentType, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await _client.PostAsync(TokenUri, content);

        await ReadOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request", "VALIDATION_ERROR");
    }

    [Fact]
    public async Task A_request_without_a_body_answers_400_invalid_request()
    {
        using var response = await _client.PostAsync(TokenUri, content: null);

        await ReadOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request", "VALIDATION_ERROR");
    }

    [Fact]
    public async Task A_service_token_is_forbidden_on_endpoints_for_users_and_admins()
    {
        var token = await _client.OrdersTokenAsync();

        foreach (var path in new[] { "/api/v1/auth/me", "/api/v1/users" })
        {
            using var response = await _client.SendAsync(HttpMethod.Get, path, token);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(["FORBIDDEN"], (await response.ReadErrorAsync()).ErrorCodes());
        }
    }

    [Fact]
    public async Task Verify_describes_a_service_token_by_its_client_and_scopes()
    {
        var token = await _client.OrdersTokenAsync();

        using var response = await _client.PostJsonAsync("/api/v1/auth/verify", new { token });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.True(data.GetProperty("valid").GetBoolean());
        Assert.Equal(ServiceClients.OrdersId, data.GetProperty("clientId").GetString());
        Assert.Equal(ServiceClients.OrdersId, data.GetProperty("subject").GetString());
        Assert.Equal(ServiceClients.OrdersScopes, data.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!));
        Assert.Equal(JsonValueKind.Null, data.GetProperty("userId").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("email").ValueKind);
        Assert.Empty(data.GetProperty("roles").EnumerateArray());
    }

    [Fact]
    public async Task The_api_document_describes_both_body_formats_and_the_oauth_errors()
    {
        using var response = await _client.GetAsync(new Uri("/openapi/identity.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = OpenApiDocument.Parse(await response.Content.ReadAsStringAsync(), OpenApiConstants.Json, new OpenApiReaderSettings());
        Assert.Empty(read.Diagnostic?.Errors ?? []);
        var operation = (await response.ReadJsonAsync()).GetProperty("paths").GetProperty(TokenUri.OriginalString).GetProperty("post");
        var content = operation.GetProperty("requestBody").GetProperty("content");
        Assert.Equal(["application/x-www-form-urlencoded", "application/json"], content.EnumerateObject().Select(p => p.Name));
        var schema = content.GetProperty("application/x-www-form-urlencoded").GetProperty("schema");
        Assert.Equal(["grant_type", "client_id", "client_secret", "scope"], schema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        var responses = operation.GetProperty("responses");
        foreach (var status in new[] { "400", "401" })
        {
            Assert.Equal(
                "#/components/schemas/ErrorResponse",
                responses.GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        }

        Assert.True(responses.TryGetProperty("200", out _));
    }

    private async Task<HttpResponseMessage> PostFormAsync(Dictionary<string, string> fields, AuthenticationHeaderValue? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TokenUri) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Authorization = authorization;
        return await _client.SendAsync(request);
    }

    private static AuthenticationHeaderValue Basic(string credentials) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));

    /// <summary>Asserts an RFC 6749 error inside Mercato's error envelope, never cached.</summary>
    private static async Task<JsonElement> ReadOAuthErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
        var body = await response.ReadErrorAsync();
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error_description").GetString()));
        Assert.Equal([code], body.ErrorCodes());
        Assert.Equal(TokenUri.OriginalString, body.GetProperty("path").GetString());
        return body;
    }
}
