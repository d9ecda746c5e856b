using System.Net;
using Mercato.Identity.Keys;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Identity.Tests.Keys;

/// <summary>
/// Generated signing keys are protected at rest with Data Protection, whose key ring lives in a
/// folder of its own; a key an earlier version stored as clear PEM is protected on the next start
/// and keeps its id, so the tokens it signed stay valid.
/// </summary>
public abstract class KeyProtectionTests<TFactory>
    where TFactory : IdentityFactory, new()
{
    [Fact]
    public async Task A_key_stored_in_the_clear_by_an_earlier_version_is_protected_on_start_and_keeps_signing()
    {
        await using var first = new TFactory();
        using var firstClient = first.CreateClient();
        var session = await firstClient.SignUpAsync("clear");
        var kid = TokenForge.KeyId(session.AccessToken);
        var protector = first.Services.GetRequiredService<SigningKeyProtector>();
        await first.WithDbAsync(async db =>
        {
            var row = await db.SigningKeys.SingleAsync(k => k.KeyId == kid);
            row.PrivateKeyPem = protector.Unprotect(row.PrivateKeyPem);
            return await db.SaveChangesAsync();
        });
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", (await first.StoredKeysAsync()).Single().PrivateKeyPem, StringComparison.Ordinal);

        await using (var restarted = SharedStore.WithStoreOf(first))
        {
            using var client = restarted.CreateClient();

            var stored = Assert.Single(await restarted.StoredKeysAsync());
            Assert.Equal(kid, stored.KeyId);
            Assert.StartsWith("dp1:", stored.PrivateKeyPem, StringComparison.Ordinal);
            Assert.DoesNotContain("PRIVATE KEY", stored.PrivateKeyPem, StringComparison.Ordinal);
            using var me = await client.SendAsync(HttpMethod.Get, "/api/v1/auth/me", session.AccessToken);
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.Equal(kid, TokenForge.KeyId((await client.LoginAsAdminAsync()).AccessToken));
        }
    }

    [Fact]
    public async Task A_replica_without_the_key_ring_stops_with_exit_code_2_and_says_why()
    {
        await using var first = new TFactory();
        using (first.CreateClient())
        {
        }

        // Another process on the same database, with a key ring of its own.
        var settings = new Dictionary<string, string?>(first.Settings, StringComparer.OrdinalIgnoreCase)
        {
            ["Identity:DataProtection:KeysDirectory"] = Path.Combine(first.DataDirectory, "other-keys"),
        };
        await using var replica = await OwnedProcess.StartIdentityAsync(settings, waitUntilLive: false);

        var exitCode = await replica.Process.WaitForExitAsync(TimeSpan.FromMinutes(4));

        var output = string.Join('\n', replica.Process.Output);
        Assert.True(exitCode == 2, $"exit code {exitCode}:\n{output}");
        var line = Assert.Single(replica.Process.Output, l => l.StartsWith("Mercato cannot start: ", StringComparison.Ordinal));
        Assert.Contains("must share Identity:DataProtection:KeysDirectory", line, StringComparison.Ordinal);
    }
}

/// <summary>On SQLite.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SqliteKeyProtectionTests : KeyProtectionTests<IdentityFactory>
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task The_data_folder_the_database_files_and_the_key_ring_are_readable_by_their_owner_only()
    {
        await using var factory = new IdentityFactory();
        // As an earlier version (or a umask of 022) left them: readable by everyone.
        File.SetUnixFileMode(factory.DataDirectory, Folder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var database = Path.Combine(factory.DataDirectory, "identity.db");
        await File.WriteAllBytesAsync(database, []);
        File.SetUnixFileMode(database, File600 | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        using var client = factory.CreateClient();
        await client.SignUpAsync("modes");

        Assert.Equal(Folder, File.GetUnixFileMode(factory.DataDirectory));
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            Assert.True(File.Exists(file), $"{file} missing");
            Assert.Equal(File600, File.GetUnixFileMode(file));
        }

        var keys = Path.Combine(factory.DataDirectory, "keys");
        Assert.Equal(Folder, File.GetUnixFileMode(keys));
        var keyFiles = Directory.GetFiles(keys);
        Assert.NotEmpty(keyFiles);
        Assert.All(keyFiles, f => Assert.Equal(File600, File.GetUnixFileMode(f)));
        Assert.All(keyFiles, f => Assert.EndsWith(".xml", f, StringComparison.Ordinal));
    }
}

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresKeyProtectionTests : KeyProtectionTests<PostgresIdentityFactory>;
