using System.Net;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Mercato.Identity.Tests.Distributed;

/// <summary>
/// Another module (the TestHost's Probe, in its own process) validates Identity's tokens through
/// Identity's discovery document and JWKS, with no key or secret of its own.
/// </summary>
public abstract class JwksValidationTests<TDeployment>(TDeployment deployment) : IClassFixture<TDeployment>
    where TDeployment : IdentityDeployment
{
    private readonly HttpClient _identity = deployment.Identity.Client;
    private readonly HttpClient _probe = deployment.Probe.Client;

    [Fact]
    public async Task Identity_publishes_its_issuer_and_public_keys_only()
    {
        var session = await _identity.SignUpAsync("jwks");

        var configuration = await _identity.GetOkJsonAsync("/.well-known/openid-configuration");
        Assert.Equal(deployment.Issuer, configuration.GetProperty("issuer").GetString());
        Assert.Equal(deployment.Identity.Url + "/.well-known/jwks.json", configuration.GetProperty("jwks_uri").GetString());

        var keys = (await _identity.GetOkJsonAsync("/.well-known/jwks.json")).GetProperty("keys").EnumerateArray().ToList();
        Assert.Contains(keys, k => k.GetProperty("kid").GetString() == new JsonWebToken(session.AccessToken).Kid);
        Assert.All(keys, k =>
        {
            Assert.Contains(k.GetProperty("kty").GetString(), new[] { "EC", "RSA" });
            Assert.False(k.TryGetProperty("d", out _), "a private key is published");
        });
    }

    [Fact]
    public async Task A_users_token_from_Identity_is_accepted_by_the_other_process()
    {
        var session = await _identity.SignUpAsync("whoami");

        using var response = await _probe.SendAsync(HttpMethod.Get, "/api/v1/probe/whoami", session.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(session.UserId.ToString(), data.GetProperty("sub").GetString());
        Assert.Equal(["Customer"], data.Strings("roles"));
    }

    [Fact]
    public async Task A_customers_token_is_refused_on_the_admin_and_premium_endpoints_with_403()
    {
        var session = await _identity.SignUpAsync("customer");

        foreach (var path in new[] { "/api/v1/probe/admin", "/api/v1/probe/premium", "/api/v1/probe/service" })
        {
            using var response = await _probe.SendAsync(HttpMethod.Get, path, session.AccessToken);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(["FORBIDDEN"], (await response.ReadErrorAsync()).ErrorCodes());
        }
    }

    [Fact]
    public async Task The_administrators_token_is_accepted_on_the_admin_endpoint()
    {
        var admin = await _identity.LoginAsync(IdentityDeployment.AdminEmail, IdentityDeployment.AdminPassword);

        using var response = await _probe.SendAsync(HttpMethod.Get, "/api/v1/probe/admin", admin.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(admin.UserId.ToString(), data.GetProperty("sub").GetString());
        Assert.Contains("Admin", data.Strings("roles"));
    }

    [Fact]
    public async Task A_role_given_in_Identity_reaches_the_other_process_with_the_next_token()
    {
        var email = IdentityApi.NewEmail("upgrade");
        var id = await _identity.RegisterAsync(email);
        var before = await _identity.LoginAsync(email);
        var admin = await _identity.LoginAsync(IdentityDeployment.AdminEmail, IdentityDeployment.AdminPassword);

        await _identity.SetRolesAsync(admin.AccessToken, id, "Customer", "Premium");
        var after = await _identity.LoginAsync(email);

        using var refused = await _probe.SendAsync(HttpMethod.Get, "/api/v1/probe/premium", before.AccessToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var allowed = await _probe.SendAsync(HttpMethod.Get, "/api/v1/probe/premium", after.AccessToken);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task A_service_token_with_the_probe_scope_is_accepted_on_the_service_endpoint_only()
    {
        var token = await _identity.ServiceTokenAsync(IdentityDeployment.ProbeClient, IdentityDeployment.ClientSecret, IdentityDeployment.ProbeScope);
        var unrelated = await _identity.ServiceTokenAsync(IdentityDeployment.OtherClient, IdentityDeployment.ClientSecret, "audit.write");

        using (var response = await _probe.SendAsync(HttpMethod.Get, "/api/v1/probe/service", token))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using (var noRole = await _probe.SendAsync(HttpMethod.Get, "/api/v1/probe/whoami", token))
        {
            Assert.Equal(HttpStatusCode.Forbidden, noRole.StatusCode);
        }

        using var wrongScope = await _probe.SendAsync(HttpMethod.Get, "/api/v1/probe/service", unrelated);
        Assert.Equal(HttpStatusCode.Forbidden, wrongScope.StatusCode);
        Assert.Equal(["FORBIDDEN"], (await wrongScope.ReadErrorAsync()).ErrorCodes());
    }

    [Fact]
    public async Task A_garbage_token_gets_401_INVALID_TOKEN_and_no_token_gets_401()
    {
        using (var garbage = await _probe.SendAsync(HttpMethod.Get, "/api/v1/probe/whoami", "not.a.token"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
            Assert.Equal(["INVALID_TOKEN"], (await garbage.ReadErrorAsync()).ErrorCodes());
        }

        using var anonymous = await _probe.SendAsync(HttpMethod.Get, "/api/v1/probe/whoami", token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(["UNAUTHORIZED"], (await anonymous.ReadErrorAsync()).ErrorCodes());
    }
}

/// <summary>Identity on SQLite.</summary>
public sealed class SqliteJwksValidationTests(SqliteIdentityDeployment deployment)
    : JwksValidationTests<SqliteIdentityDeployment>(deployment);

/// <summary>Identity on PostgreSQL.</summary>
public sealed class PostgresJwksValidationTests(PostgresIdentityDeployment deployment)
    : JwksValidationTests<PostgresIdentityDeployment>(deployment);
