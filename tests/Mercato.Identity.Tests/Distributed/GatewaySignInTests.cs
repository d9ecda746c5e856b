using System.Globalization;
using System.Net;
using Mercato.Identity.Tests.Support;
using Mercato.Platform.RateLimiting;
using Mercato.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Mercato.Identity.Tests.Distributed;

/// <summary>
/// Sign-in with Identity in its own process behind <c>Mercato.Server --services gateway</c>:
/// every call goes to the gateway's URL only.
/// </summary>
public sealed class GatewaySignInTests(GatewayIdentityDeployment deployment) : IClassFixture<GatewayIdentityDeployment>
{
    private readonly MercatoProcess _gateway = deployment.Gateway!;
    private readonly HttpClient _client = deployment.Gateway!.Client;

    [Fact]
    public async Task Register_login_refresh_me_and_a_call_to_another_module_all_work_through_the_gateway()
    {
        var email = IdentityApi.NewEmail("gateway");
        var id = await _client.RegisterAsync(email);
        var login = await _client.LoginAsync(email);
        Assert.Equal(id, login.UserId);

        using var refresh = await _client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = login.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var refreshed = (await refresh.ReadJsonAsync()).GetProperty("data");
        var accessToken = refreshed.GetProperty("accessToken").GetString()!;
        Assert.NotEqual(login.RefreshToken, refreshed.GetProperty("refreshToken").GetString());
        Assert.Equal(deployment.Issuer, IdentityApi.Claims(accessToken).GetProperty("iss").GetString());

        using var me = await _client.SendAsync(HttpMethod.Get, "/api/v1/auth/me", accessToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var user = (await me.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(id, user.GetProperty("id").GetGuid());
        Assert.Equal(email, user.GetProperty("email").GetString());

        using var whoami = await _client.SendAsync(HttpMethod.Get, "/api/v1/probe/whoami", accessToken);
        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        var seen = (await whoami.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(id.ToString(), seen.GetProperty("sub").GetString());
        Assert.Equal(["Customer"], seen.Strings("roles"));

        // The used refresh token was rotated away, also through the gateway.
        using var reused = await _client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = login.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Equal(["INVALID_TOKEN"], (await reused.ReadErrorAsync()).ErrorCodes());
    }

    [Fact]
    public async Task Discovery_through_the_gateway_names_the_gateway_and_its_key_set_holds_the_signing_key()
    {
        var session = await _client.SignUpAsync("discovery");

        var configuration = await _client.GetOkJsonAsync("/.well-known/openid-configuration");

        Assert.Equal(deployment.Issuer, configuration.GetProperty("issuer").GetString());
        var jwksUri = configuration.GetProperty("jwks_uri").GetString()!;
        Assert.Equal(_gateway.Url + "/.well-known/jwks.json", jwksUri);
        Assert.Equal(_gateway.Url + "/api/v1/auth/token", configuration.GetProperty("token_endpoint").GetString());

        var keys = (await _client.GetOkJsonAsync(jwksUri)).GetProperty("keys").EnumerateArray();
        Assert.Contains(keys, k => k.GetProperty("kid").GetString() == new JsonWebToken(session.AccessToken).Kid);
    }

    [Fact]
    public async Task The_gateway_validates_tokens_with_Identitys_keys_and_counts_each_caller_on_its_plan()
    {
        var customer = await _client.SignUpAsync("planned");
        var admin = await _client.LoginAsync(IdentityDeployment.AdminEmail, IdentityDeployment.AdminPassword);
        var service = await _client.ServiceTokenAsync(IdentityDeployment.ProbeClient, IdentityDeployment.ClientSecret, IdentityDeployment.ProbeScope);

        await AssertAnsweredAsync("/api/v1/probe/whoami", customer.AccessToken, HttpStatusCode.OK, "Customer");
        await AssertAnsweredAsync("/api/v1/probe/admin", customer.AccessToken, HttpStatusCode.Forbidden, "Customer");
        await AssertAnsweredAsync("/api/v1/probe/admin", admin.AccessToken, HttpStatusCode.OK, "Admin");
        await AssertAnsweredAsync("/api/v1/probe/service", service, HttpStatusCode.OK, "Service");
        // A token the gateway cannot validate makes the caller a guest there, and the service refuses it.
        await AssertAnsweredAsync("/api/v1/probe/whoami", "garbage." + customer.AccessToken, HttpStatusCode.Unauthorized, "Guest");
    }

    private async Task AssertAnsweredAsync(string path, string token, HttpStatusCode status, string gatewayPlan)
    {
        using var response = await _client.SendAsync(HttpMethod.Get, path, token);
        Assert.Equal(status, response.StatusCode);
        var limit = Assert.Single(response.Headers.GetValues(RateLimitHeaders.Limit));
        Assert.Equal(IdentityDeployment.GatewayPlanLimits[gatewayPlan].ToString(CultureInfo.InvariantCulture), limit);
    }
}
