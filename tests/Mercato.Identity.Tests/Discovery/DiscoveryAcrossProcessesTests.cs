using System.Net;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;

namespace Mercato.Identity.Tests.Discovery;

/// <summary>
/// Another module in another process (the TestHost, configured with nothing but Identity's
/// issuer URL) finds Identity's keys through its discovery document and validates its user and
/// service tokens, with no shared secret.
/// </summary>
public sealed class DiscoveryAcrossProcessesTests
{
    private const string ProbeClient = "probe-caller";
    private const string ProbeSecret = "probe-caller-secret-4Hn8";

    [Fact]
    public async Task A_module_in_another_process_validates_identitys_user_and_service_tokens_through_discovery()
    {
        await using var identity = await OwnedProcess.StartIdentityAsync(
            ServiceClients.Settings(ProbeClient, ServiceClients.Sha256Hex(ProbeSecret), "probe.read"));
        await using var module = await OwnedProcess.StartTestHostAsync(identity.Url);

        var user = await identity.Client.SignUpAsync("remote");
        using (var whoami = await module.Client.SendAsync(HttpMethod.Get, "/api/v1/probe/whoami", user.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
            var data = (await whoami.ReadJsonAsync()).GetProperty("data");
            Assert.Equal(user.UserId.ToString(), data.GetProperty("sub").GetString());
            Assert.Equal("Customer", Assert.Single(data.GetProperty("roles").EnumerateArray()).GetString());
        }

        using var content = new FormUrlEncodedContent(ServiceClients.Form(ProbeClient, ProbeSecret));
        using var tokenResponse = await identity.Client.PostAsync(new Uri("/api/v1/auth/token", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var serviceToken = (await tokenResponse.ReadJsonAsync()).GetProperty("access_token").GetString();
        using (var service = await module.Client.SendAsync(HttpMethod.Get, "/api/v1/probe/service", serviceToken))
        {
            Assert.Equal(HttpStatusCode.OK, service.StatusCode);
        }

        using (var userOnServiceEndpoint = await module.Client.SendAsync(HttpMethod.Get, "/api/v1/probe/service", user.AccessToken))
        {
            Assert.Equal(HttpStatusCode.Forbidden, userOnServiceEndpoint.StatusCode);
        }

        // Same issuer, audience and claims, signed by a key Identity never published.
        var forged = TokenForge.Sign(TokenForge.UnknownEs256Key(), identity.Url, "mercato-api", user.UserId.ToString(), ["Admin"]);
        using var refused = await module.Client.SendAsync(HttpMethod.Get, "/api/v1/probe/whoami", forged);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(["INVALID_TOKEN"], (await refused.ReadErrorAsync()).ErrorCodes());
    }
}
