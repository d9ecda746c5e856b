using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Mercato.Testing;

namespace Mercato.Platform.Tests.Auth;

/// <summary>
/// Tokens are validated against the issuer's JWKS (asymmetric keys only), with issuer,
/// audience and lifetime checked; role and scope policies guard endpoints.
/// </summary>
public sealed class JwtAuthTests : IAsyncLifetime
{
    private readonly TestHostFactory _factory = new();
    private TestIssuer _issuer = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _issuer = await TestIssuer.StartAsync();
        foreach (var (key, value) in _issuer.Settings)
        {
            _factory.Settings[key] = value;
        }

        _client = _factory.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Valid_customer_token_reaches_a_customer_endpoint_with_its_identity()
    {
        var response = await GetAsync("/api/v1/probe/whoami", _issuer.UserToken("user-1", "Customer"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal("user-1", data.GetProperty("sub").GetString());
        Assert.Equal("Customer", data.GetProperty("roles")[0].GetString());
    }

    [Fact]
    public async Task Anonymous_request_to_a_protected_endpoint_answers_401_envelope_with_challenge()
    {
        var response = await GetAsync("/api/v1/probe/whoami", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(["UNAUTHORIZED"], (await response.ReadErrorAsync()).ErrorCodes());
    }

    [Theory]
    [InlineData("/api/v1/probe/admin", "Customer", HttpStatusCode.Forbidden)]
    [InlineData("/api/v1/probe/admin", "Premium", HttpStatusCode.Forbidden)]
    [InlineData("/api/v1/probe/admin", "Admin", HttpStatusCode.OK)]
    [InlineData("/api/v1/probe/premium", "Customer", HttpStatusCode.Forbidden)]
    [InlineData("/api/v1/probe/premium", "Premium", HttpStatusCode.OK)]
    [InlineData("/api/v1/probe/premium", "Admin", HttpStatusCode.OK)]
    [InlineData("/api/v1/probe/whoami", "Premium", HttpStatusCode.OK)]
    [InlineData("/api/v1/probe/whoami", "Admin", HttpStatusCode.OK)]
    public async Task Role_policies_allow_and_forbid(string path, string role, HttpStatusCode expected)
    {
        var response = await GetAsync(path, _issuer.UserToken("user-" + role, role));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            Assert.Equal(["FORBIDDEN"], (await response.ReadErrorAsync()).ErrorCodes());
        }
    }

    [Fact]
    public async Task A_token_without_any_role_is_not_a_customer()
    {
        var response = await GetAsync("/api/v1/probe/whoami", _issuer.UserToken("nobody"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Service_scope_policy_requires_the_scope()
    {
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/v1/probe/service", _issuer.ServiceToken("ordering", "probe.read", "other"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("/api/v1/probe/service", _issuer.ServiceToken("ordering", "probe.write"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("/api/v1/probe/service", _issuer.UserToken("admin-1", "Admin"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/api/v1/probe/service", token: null)).StatusCode);
    }

    [Fact]
    public async Task Expired_token_is_refused_with_expired_token()
    {
        var token = _issuer.CreateToken("user-1", ["Admin"], expires: DateTime.UtcNow.AddMinutes(-2), notBefore: DateTime.UtcNow.AddMinutes(-20));

        var response = await GetAsync("/api/v1/probe/admin", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["EXPIRED_TOKEN"], (await response.ReadErrorAsync()).ErrorCodes());
    }

    [Fact]
    public async Task Token_expired_within_the_clock_skew_is_still_accepted()
    {
        // The test host allows 5 s of skew.
        var token = _issuer.CreateToken("user-1", ["Admin"], expires: DateTime.UtcNow.AddSeconds(-2), notBefore: DateTime.UtcNow.AddMinutes(-5));

        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/v1/probe/admin", token)).StatusCode);
    }

    [Fact]
    public async Task Token_for_another_audience_is_refused()
    {
        var response = await GetAsync("/api/v1/probe/admin", _issuer.CreateToken("user-1", ["Admin"], audience: "someone-else"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["INVALID_TOKEN"], (await response.ReadErrorAsync()).ErrorCodes());
    }

    [Fact]
    public async Task Token_from_another_issuer_is_refused()
    {
        var response = await GetAsync("/api/v1/probe/admin", _issuer.CreateToken("user-1", ["Admin"], issuer: "http://evil.example"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["INVALID_TOKEN"], (await response.ReadErrorAsync()).ErrorCodes());
    }

    [Fact]
    public async Task Token_signed_by_an_unknown_key_is_refused()
    {
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var unknownKid = await GetAsync("/api/v1/probe/admin", _issuer.CreateToken("user-1", ["Admin"], signingKey: stranger, kid: "stranger"));
        var forgedWithKnownKid = await GetAsync("/api/v1/probe/admin", _issuer.CreateToken("user-1", ["Admin"], signingKey: stranger));

        Assert.Equal(HttpStatusCode.Unauthorized, unknownKid.StatusCode);
        Assert.Equal(["INVALID_TOKEN"], (await unknownKid.ReadErrorAsync()).ErrorCodes());
        Assert.Equal(HttpStatusCode.Unauthorized, forgedWithKnownKid.StatusCode);
    }

    [Fact]
    public async Task Unsigned_alg_none_token_is_refused()
    {
        var response = await GetAsync("/api/v1/probe/admin", _issuer.UnsignedToken("user-1", "Admin"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["INVALID_TOKEN"], (await response.ReadErrorAsync()).ErrorCodes());
    }

    [Fact]
    public async Task Shared_secret_hs256_token_is_refused()
    {
        var response = await GetAsync("/api/v1/probe/admin", _issuer.SymmetricToken("user-1", "Admin"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Garbage_bearer_value_is_refused_without_500()
    {
        var response = await GetAsync("/api/v1/probe/admin", "not.a.jwt");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["INVALID_TOKEN"], (await response.ReadErrorAsync()).ErrorCodes());
    }

    [Fact]
    public async Task A_key_added_to_the_jwks_is_picked_up_without_restart()
    {
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/v1/probe/admin", _issuer.UserToken("a", "Admin"))).StatusCode);

        var oldKid = _issuer.CurrentKid;
        _issuer.RotateKey();
        var token = _issuer.UserToken("a", "Admin");

        // The first token with the new kid makes the validator re-read the JWKS.
        var status = await MercatoProcess.EventuallyAsync(
            async () => (await GetAsync("/api/v1/probe/admin", token)).StatusCode,
            s => s == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual(oldKid, _issuer.CurrentKid);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _client.SendAsync(request);
    }
}
