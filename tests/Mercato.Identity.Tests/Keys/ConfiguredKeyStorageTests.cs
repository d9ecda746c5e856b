using System.Net;
using System.Security.Cryptography;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Mercato.Identity.Tests.Keys;

/// <summary>
/// Distributed mode: with a key configured, Identity signs with exactly that key on any
/// database, and never generates, stores or rotates keys of its own.
/// </summary>
public abstract class ConfiguredKeyStorageTests<TFactory>
    where TFactory : IdentityFactory, new()
{
    [Fact]
    public async Task A_configured_es256_key_is_the_only_one_published_signs_every_token_and_is_never_stored_or_rotated()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicKey = key.ExportParameters(includePrivateParameters: false);
        await using var factory = new TFactory();
        factory.Apply(ConfiguredKeys.Key(0, "ES256", key.ExportPkcs8PrivateKeyPem(), "mercato-2026-01"));
        using var client = factory.CreateClient();

        var jwk = Assert.Single(await client.GetJwksAsync());
        Assert.Equal("mercato-2026-01", jwk.GetProperty("kid").GetString());
        Assert.Equal("ES256", jwk.GetProperty("alg").GetString());
        Assert.Equal(Base64UrlEncoder.Encode(publicKey.Q.X), jwk.GetProperty("x").GetString());
        Assert.Equal(Base64UrlEncoder.Encode(publicKey.Q.Y), jwk.GetProperty("y").GetString());

        var session = await client.SignUpAsync("configured");
        Assert.Equal("mercato-2026-01", TokenForge.KeyId(session.AccessToken));
        using var me = await client.SendAsync(HttpMethod.Get, "/api/v1/auth/me", session.AccessToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(0, await factory.StoredKeyCountAsync());

        // Configured keys are rotated in configuration: the rotation period passing changes nothing.
        factory.Clock.AdjustTime(factory.Clock.GetUtcNow() + TimeSpan.FromDays(91));
        Assert.False(await factory.KeyRing().RotateIfDueAsync(CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.KeyRing().RotateAsync(CancellationToken.None));
        Assert.Equal(["mercato-2026-01"], await client.PublishedKidsAsync());
        Assert.Equal(0, await factory.StoredKeyCountAsync());
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteConfiguredKeyStorageTests : ConfiguredKeyStorageTests<IdentityFactory>;

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresConfiguredKeyStorageTests : ConfiguredKeyStorageTests<PostgresIdentityFactory>;
