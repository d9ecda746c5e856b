using System.Net;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mercato.Identity.Tests.Discovery;

/// <summary>
/// <c>/.well-known/openid-configuration</c> and <c>/.well-known/jwks.json</c>: what a standard
/// validator reads to trust Identity's tokens, as plain OpenID documents (no envelope).
/// </summary>
public sealed class DiscoveryTests(DiscoveryFactory factory) : IClassFixture<DiscoveryFactory>
{
    private static readonly string[] PrivateJwkMembers = ["d", "p", "q", "dp", "dq", "qi", "k", "oth"];

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_openid_configuration_names_the_configured_issuer_and_absolute_endpoints_and_may_be_cached()
    {
        using var response = await _client.GetAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        AssertCacheable(response);
        var document = await response.ReadJsonAsync();
        Assert.False(document.TryGetProperty("success", out _), "a standard document, not an envelope");
        Assert.Equal(DiscoveryFactory.Issuer, document.GetProperty("issuer").GetString());
        var jwksUri = new Uri(document.GetProperty("jwks_uri").GetString()!, UriKind.RelativeOrAbsolute);
        Assert.True(jwksUri.IsAbsoluteUri, $"{jwksUri} is not absolute");
        Assert.Equal("/.well-known/jwks.json", jwksUri.AbsolutePath);
        var tokenEndpoint = new Uri(document.GetProperty("token_endpoint").GetString()!, UriKind.RelativeOrAbsolute);
        Assert.True(tokenEndpoint.IsAbsoluteUri, $"{tokenEndpoint} is not absolute");
        Assert.Equal("/api/v1/auth/token", tokenEndpoint.AbsolutePath);
        Assert.Equal(["client_credentials"], Strings(document.GetProperty("grant_types_supported")));
        Assert.Equal(["client_secret_basic", "client_secret_post"], Strings(document.GetProperty("token_endpoint_auth_methods_supported")));
        Assert.Contains("ES256", Strings(document.GetProperty("id_token_signing_alg_values_supported")));
    }

    [Fact]
    public async Task The_jwks_uri_is_fetchable_and_publishes_public_signing_keys_only()
    {
        using var response = await _client.GetAsync(await JwksUriAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCacheable(response);
        var keys = (await response.ReadJsonAsync()).GetProperty("keys").EnumerateArray().ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.Equal("EC", key.GetProperty("kty").GetString());
            Assert.Equal("sig", key.GetProperty("use").GetString());
            Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
            Assert.Equal("ES256", key.GetProperty("alg").GetString());
            Assert.Equal("P-256", key.GetProperty("crv").GetString());
            Assert.Equal(32, Base64UrlEncoder.DecodeBytes(key.GetProperty("x").GetString()).Length);
            Assert.Equal(32, Base64UrlEncoder.DecodeBytes(key.GetProperty("y").GetString()).Length);
            Assert.All(PrivateJwkMembers, member => Assert.False(key.TryGetProperty(member, out _), $"private member {member} published"));
            Assert.All(key.EnumerateObject(), p => Assert.Contains(p.Name, SigningKeyProbe.PublicJwkMembers));
        });
    }

    [Fact]
    public async Task A_login_tokens_kid_is_published_and_the_published_key_alone_verifies_it()
    {
        var session = await _client.LoginAsAdminAsync();
        using var response = await _client.GetAsync(await JwksUriAsync());
        var jwksJson = await response.Content.ReadAsStringAsync();

        var kid = TokenForge.KeyId(session.AccessToken);
        var keySet = new JsonWebKeySet(jwksJson);
        Assert.Contains(kid, keySet.Keys.Select(k => k.Kid));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(session.AccessToken, new TokenValidationParameters
        {
            ValidIssuer = DiscoveryFactory.Issuer,
            ValidAudience = "mercato-api",
            IssuerSigningKeys = keySet.GetSigningKeys(),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public async Task The_token_endpoint_it_names_issues_service_tokens_signed_with_a_published_key()
    {
        using var discovery = await _client.GetAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative));
        var tokenEndpoint = new Uri((await discovery.ReadJsonAsync()).GetProperty("token_endpoint").GetString()!);

        using var content = new FormUrlEncodedContent(ServiceClients.Form(ServiceClients.OrdersId, ServiceClients.OrdersSecret));
        using var response = await _client.PostAsync(tokenEndpoint, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.ReadJsonAsync()).GetProperty("access_token").GetString()!;
        Assert.Contains(TokenForge.KeyId(token), await _client.PublishedKidsAsync());
        Assert.Equal(DiscoveryFactory.Issuer, IdentityApi.Claims(token).GetProperty("iss").GetString());
    }

    [Theory]
    [InlineData("Host")]
    [InlineData("X-Forwarded-Host")]
    public async Task A_forged_host_header_does_not_move_the_endpoints_off_the_configured_issuer(string header)
    {
        // A real server, which takes the host from the request as any proxy or cache in front would.
        await using var host = new DiscoveryFactory();
        using var client = new HttpClient { BaseAddress = host.StartKestrel() };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.TryAddWithoutValidation(header, "evil.example");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadJsonAsync();
        Assert.Equal(DiscoveryFactory.Issuer + "/.well-known/jwks.json", document.GetProperty("jwks_uri").GetString());
        Assert.Equal(DiscoveryFactory.Issuer + "/api/v1/auth/token", document.GetProperty("token_endpoint").GetString());
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<Uri> JwksUriAsync()
    {
        using var response = await _client.GetAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative));
        return new Uri((await response.ReadJsonAsync()).GetProperty("jwks_uri").GetString()!);
    }

    private static void AssertCacheable(HttpResponseMessage response)
    {
        var cacheControl = response.Headers.CacheControl;
        Assert.NotNull(cacheControl);
        Assert.True(cacheControl.Public, $"Cache-Control: {cacheControl}");
        Assert.True(cacheControl.MaxAge > TimeSpan.Zero, $"Cache-Control: {cacheControl}");
    }

    private static string[] Strings(System.Text.Json.JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
