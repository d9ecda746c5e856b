using System.Net;
using System.Security.Cryptography;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Mercato.Identity.Tests.Keys;

/// <summary>
/// Keys from <c>Identity:SigningKeys:Keys</c>: RS256 as well as ES256, from a file as well as
/// inline, and a schedule of several keys where the newest active one signs and every unretired
/// one is published.
/// </summary>
public sealed class ConfiguredKeyTests
{
    [Fact]
    public async Task A_configured_rs256_key_from_pkcs1_pem_signs_and_is_published_with_its_modulus()
    {
        using var key = RSA.Create(2048);
        await using var factory = new IdentityFactory();
        factory.Apply(ConfiguredKeys.Key(0, "RS256", key.ExportRSAPrivateKeyPem(), "rsa-1"));
        using var client = factory.CreateClient();

        var jwk = Assert.Single(await client.GetJwksAsync());
        Assert.Equal("rsa-1", jwk.GetProperty("kid").GetString());
        Assert.Equal("RSA", jwk.GetProperty("kty").GetString());
        Assert.Equal("RS256", jwk.GetProperty("alg").GetString());
        Assert.Equal(Base64UrlEncoder.Encode(key.ExportParameters(false).Modulus), jwk.GetProperty("n").GetString());
        Assert.Equal("AQAB", jwk.GetProperty("e").GetString());
        Assert.All(jwk.EnumerateObject(), p => Assert.Contains(p.Name, SigningKeyProbe.PublicJwkMembers));

        var session = await client.SignUpAsync("rsa");
        var header = TokenForge.Header(session.AccessToken);
        Assert.Equal("rsa-1", header.GetProperty("kid").GetString());
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        using var me = await client.SendAsync(HttpMethod.Get, "/api/v1/auth/me", session.AccessToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(0, await factory.StoredKeyCountAsync());
    }

    [Fact]
    public async Task A_key_read_from_PrivateKeyFile_without_a_key_id_is_named_by_its_rfc_7638_thumbprint()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var factory = new IdentityFactory();
        var file = Path.Combine(factory.DataDirectory, "signing-key.pem");
        await File.WriteAllTextAsync(file, key.ExportECPrivateKeyPem());
        factory.Settings["Identity:SigningKeys:Keys:0:PrivateKeyFile"] = file;
        using var client = factory.CreateClient();

        var expectedKid = Base64UrlEncoder.Encode(
            JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(key)).ComputeJwkThumbprint());
        Assert.Equal([expectedKid], await client.PublishedKidsAsync());
        var session = await client.LoginAsAdminAsync();
        Assert.Equal(expectedKid, TokenForge.KeyId(session.AccessToken));
        Assert.Equal("ES256", TokenForge.Header(session.AccessToken).GetProperty("alg").GetString());
    }

    [Fact]
    public async Task The_newest_active_key_signs_every_unretired_key_is_published_and_the_schedule_follows_the_clock()
    {
        await using var factory = new IdentityFactory();
        var now = factory.Clock.GetUtcNow();
        factory.Apply(ConfiguredKeys.Key(0, "ES256", ConfiguredKeys.NewEcPem(), "retired", now.AddDays(-60), now.AddDays(-1)));
        factory.Apply(ConfiguredKeys.Key(1, "ES256", ConfiguredKeys.NewEcPem(), "outgoing", now.AddDays(-30), now.AddHours(1)));
        factory.Apply(ConfiguredKeys.Key(2, "RS256", ConfiguredKeys.NewRsaPem(), "current", now.AddHours(-1)));
        factory.Apply(ConfiguredKeys.Key(3, "ES256", ConfiguredKeys.NewEcPem(), "upcoming", now.AddHours(2)));
        using var client = factory.CreateClient();

        Assert.Equal(["upcoming", "current", "outgoing"], await client.PublishedKidsAsync());
        var session = await client.SignUpAsync("schedule");
        Assert.Equal("current", TokenForge.KeyId(session.AccessToken));
        Assert.Equal("RS256", TokenForge.Header(session.AccessToken).GetProperty("alg").GetString());
        using (var me = await client.SendAsync(HttpMethod.Get, "/api/v1/auth/me", session.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        // A token signed by a published older key is still accepted.
        var outgoing = TokenForge.Sign(
            factory.KeyRing().All.Single(k => k.KeyId == "outgoing").Credentials,
            factory.Auth().Issuer, factory.Auth().Audience, session.UserId.ToString(), ["Customer"]);
        using (var me = await client.SendAsync(HttpMethod.Get, "/api/v1/auth/me", outgoing))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        factory.Clock.AdjustTime(now.AddMinutes(90));
        Assert.Equal(["upcoming", "current"], await client.PublishedKidsAsync());
        using (var me = await client.SendAsync(HttpMethod.Get, "/api/v1/auth/me", outgoing))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        }

        factory.Clock.AdjustTime(now.AddHours(2));
        Assert.Equal("upcoming", TokenForge.KeyId((await client.LoginAsAdminAsync()).AccessToken));
    }
}
