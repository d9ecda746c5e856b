using System.Net;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Mercato.Identity.Tests.Keys;

/// <summary>
/// Embedded mode (no keys configured): the first start generates a signing key and keeps it in
/// <c>identity_signing_keys</c>, so a restarted host, or a second one on the same database,
/// publishes the same key and accepts the tokens the first one issued.
/// </summary>
public abstract class GeneratedKeyTests<TFactory>
    where TFactory : IdentityFactory, new()
{
    [Fact]
    public async Task The_first_start_generates_one_es256_key_kept_in_the_database_and_published()
    {
        await using var factory = new TFactory();
        using var client = factory.CreateClient();

        var stored = Assert.Single(await factory.StoredKeysAsync());
        Assert.Equal(1, await factory.StoredKeyCountAsync());
        Assert.Equal("ES256", stored.Algorithm);
        // Protected at rest: the column never holds the PEM.
        Assert.StartsWith("dp1:", stored.PrivateKeyPem, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", stored.PrivateKeyPem, StringComparison.Ordinal);
        Assert.Null(stored.RetiresAt);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, stored.ActivatesAt, TimeSpan.FromSeconds(1));

        var jwk = Assert.Single(await client.GetJwksAsync());
        Assert.Equal(stored.KeyId, jwk.GetProperty("kid").GetString());
        Assert.Equal("EC", jwk.GetProperty("kty").GetString());
        Assert.Equal("ES256", jwk.GetProperty("alg").GetString());

        var session = await client.LoginAsAdminAsync();
        var header = TokenForge.Header(session.AccessToken);
        Assert.Equal(stored.KeyId, header.GetProperty("kid").GetString());
        Assert.Equal("ES256", header.GetProperty("alg").GetString());
    }

    [Fact]
    public async Task A_second_host_on_the_same_database_publishes_the_same_key_and_accepts_the_first_hosts_tokens()
    {
        await using var first = new TFactory();
        using var firstClient = first.CreateClient();
        var session = await firstClient.SignUpAsync("keys");
        var firstKids = await firstClient.PublishedKidsAsync();

        await using (var second = SharedStore.WithStoreOf(first))
        {
            using var secondClient = second.CreateClient();

            Assert.Equal(firstKids, await secondClient.PublishedKidsAsync());
            using var me = await secondClient.SendAsync(HttpMethod.Get, "/api/v1/auth/me", session.AccessToken);
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.Equal(session.UserId, (await me.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetGuid());

            var secondSession = await secondClient.LoginAsAdminAsync();
            Assert.Equal(firstKids.Single(), TokenForge.KeyId(secondSession.AccessToken));
            Assert.Equal(1, await second.StoredKeyCountAsync());
        }
    }

    [Fact]
    public async Task A_clock_stepped_back_before_the_first_keys_activation_still_signs_with_that_key()
    {
        await using var factory = new TFactory();
        using var client = factory.CreateClient();
        var key = Assert.Single(await factory.StoredKeysAsync());

        factory.Clock.AdjustTime(factory.Clock.GetUtcNow() - TimeSpan.FromMinutes(10));
        var session = await client.LoginAsAdminAsync();

        Assert.Equal(key.KeyId, TokenForge.KeyId(session.AccessToken));
        Assert.Equal([key.KeyId], await client.PublishedKidsAsync());
    }

    [Fact]
    public async Task Rs256_as_the_algorithm_generates_an_rsa_key_of_3072_bits()
    {
        await using var factory = new TFactory();
        factory.Settings["Identity:SigningKeys:Algorithm"] = "RS256";
        using var client = factory.CreateClient();

        var stored = Assert.Single(await factory.StoredKeysAsync());
        Assert.Equal("RS256", stored.Algorithm);
        var jwk = Assert.Single(await client.GetJwksAsync());
        Assert.Equal("RSA", jwk.GetProperty("kty").GetString());
        Assert.Equal("RS256", jwk.GetProperty("alg").GetString());
        Assert.Equal(stored.KeyId, jwk.GetProperty("kid").GetString());
        Assert.Equal(3072 / 8, Base64UrlEncoder.DecodeBytes(jwk.GetProperty("n").GetString()).Length);
        Assert.All(jwk.EnumerateObject(), p => Assert.Contains(p.Name, SigningKeyProbe.PublicJwkMembers));

        var session = await client.SignUpAsync("rsa");
        var header = TokenForge.Header(session.AccessToken);
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Equal(stored.KeyId, header.GetProperty("kid").GetString());
        using var me = await client.SendAsync(HttpMethod.Get, "/api/v1/auth/me", session.AccessToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteGeneratedKeyTests : GeneratedKeyTests<IdentityFactory>;

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresGeneratedKeyTests : GeneratedKeyTests<PostgresIdentityFactory>;
