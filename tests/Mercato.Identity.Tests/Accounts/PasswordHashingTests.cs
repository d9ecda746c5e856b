using System.Buffers.Binary;
using Mercato.Identity.Tests.Support;
using Mercato.Identity.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.Tests.Accounts;

/// <summary>
/// Stored password hashes with the production hashing cost (the other tests lower it): Identity
/// V3 format, PBKDF2-HMAC-SHA512, 210,000 iterations, and weaker hashes upgraded at sign-in.
/// </summary>
public abstract class PasswordHashingTests<TFactory>
    where TFactory : IdentityFactory, new()
{
    private const int ProductionIterations = 210_000;

    /// <summary>Identity's code for HMAC-SHA512 in a V3 hash (<c>KeyDerivationPrf.HMACSHA512</c>).</summary>
    private const uint HmacSha512 = 2;

    [Fact]
    public async Task A_new_password_is_stored_as_PBKDF2_HMAC_SHA512_with_210000_iterations()
    {
        await using var factory = ProductionHashingFactory();
        using var client = factory.CreateClient();
        var userId = await client.RegisterAsync(IdentityApi.NewEmail("hash"));

        var hash = (await factory.UserAsync(userId)).PasswordHash!;

        var stored = StoredHash.Parse(hash);
        Assert.Equal(0x01, stored.FormatMarker);
        Assert.Equal(HmacSha512, stored.Prf);
        Assert.Equal((uint)ProductionIterations, stored.Iterations);
        Assert.Equal(16, stored.Salt.Length);
        Assert.Equal(32, stored.Subkey.Length);
        Assert.DoesNotContain(IdentityApi.Password, hash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hash_made_with_1000_iterations_is_upgraded_to_the_configured_count_at_the_next_sign_in()
    {
        await using var factory = ProductionHashingFactory();
        using var client = factory.CreateClient();
        var email = IdentityApi.NewEmail("legacy");
        var userId = await client.RegisterAsync(email);
        var weak = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = 1000 }))
            .HashPassword(new User(), IdentityApi.Password);
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, weak)));
        Assert.Equal(1000u, StoredHash.Parse((await factory.UserAsync(userId)).PasswordHash!).Iterations);

        await client.LoginAsync(email);

        var upgraded = (await factory.UserAsync(userId)).PasswordHash!;
        Assert.NotEqual(weak, upgraded);
        var stored = StoredHash.Parse(upgraded);
        Assert.Equal((uint)ProductionIterations, stored.Iterations);
        Assert.Equal(HmacSha512, stored.Prf);
        // The upgraded hash still holds the same password.
        await client.LoginAsync(email);
        Assert.Equal(upgraded, (await factory.UserAsync(userId)).PasswordHash);
    }

    /// <summary>A host with the production hashing cost: the test factory's lower override removed.</summary>
    private static TFactory ProductionHashingFactory()
    {
        var factory = new TFactory();
        Assert.True(factory.Settings.Remove("Identity:Password:HashIterations"));
        return factory;
    }

    /// <summary>Identity's V3 hash: marker byte, then big-endian PRF, iteration count and salt length, salt, subkey.</summary>
    private sealed record StoredHash(byte FormatMarker, uint Prf, uint Iterations, byte[] Salt, byte[] Subkey)
    {
        public static StoredHash Parse(string base64)
        {
            var bytes = Convert.FromBase64String(base64);
            var saltLength = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9, 4));
            return new StoredHash(
                bytes[0],
                BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1, 4)),
                BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4)),
                bytes[13..(13 + saltLength)],
                bytes[(13 + saltLength)..]);
        }
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqlitePasswordHashingTests : PasswordHashingTests<IdentityFactory>;

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresPasswordHashingTests : PasswordHashingTests<PostgresIdentityFactory>;
