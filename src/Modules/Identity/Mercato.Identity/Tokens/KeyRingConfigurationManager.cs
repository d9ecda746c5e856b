using Mercato.Identity.Keys;
using Mercato.Platform.Auth;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Mercato.Identity.Tokens;

/// <summary>
/// Hands the key ring's published keys straight to the JWT bearer handler of the process that
/// hosts Identity, so modules running next to it validate tokens without an HTTP round trip to
/// their own discovery document (and whatever port the server happens to listen on).
/// </summary>
internal sealed class KeyRingConfigurationManager(KeyRing keys, IOptions<AuthOptions> auth)
    : IConfigurationManager<OpenIdConnectConfiguration>
{
    /// <inheritdoc />
    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = auth.Value.Issuer };
        foreach (var key in keys.Published)
        {
            configuration.SigningKeys.Add(key.PublicKey);
        }

        return Task.FromResult(configuration);
    }

    /// <inheritdoc />
    public void RequestRefresh()
    {
        // Always current: every call reads the key ring.
    }
}
