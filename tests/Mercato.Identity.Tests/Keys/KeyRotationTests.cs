using System.Net;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;

namespace Mercato.Identity.Tests.Keys;

/// <summary>
/// Rotation of generated keys on the fake clock: after the rotation period a successor is
/// published ahead of signing, the old key keeps validating the tokens it signed for one
/// access-token lifetime (plus clock skew), then leaves the key set. The bearer handler checks
/// lifetimes with the real clock, so the tokens sent over HTTP here are ones issued at real time;
/// tokens issued later on the fake clock are only inspected (which key signed them).
/// </summary>
public abstract class KeyRotationTests<TFactory>
    where TFactory : IdentityFactory, new()
{
    private static readonly TimeSpan RotationPeriod = TimeSpan.FromDays(90);
    private static readonly TimeSpan PublishAhead = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StorePrecision = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task Rotation_is_due_once_the_current_key_has_signed_for_the_rotation_period()
    {
        await using var factory = new TFactory();
        using var client = factory.CreateClient();
        var ring = factory.KeyRing();
        var original = Assert.Single(await factory.StoredKeysAsync());
        // The key ring's own instant: the database may hold it rounded to microseconds.
        var activatedAt = ring.Current.ActivatesAt;

        factory.Clock.AdjustTime(activatedAt + RotationPeriod - TimeSpan.FromMinutes(1));
        Assert.False(await ring.RotateIfDueAsync(CancellationToken.None));
        Assert.Equal([original.KeyId], await client.PublishedKidsAsync());

        factory.Clock.AdjustTime(activatedAt + RotationPeriod);
        var rotatedAt = factory.Clock.GetUtcNow().UtcDateTime;
        Assert.True(await ring.RotateIfDueAsync(CancellationToken.None));
        Assert.False(await ring.RotateIfDueAsync(CancellationToken.None));

        var stored = await factory.StoredKeysAsync();
        Assert.Equal(2, stored.Count);
        var (old, successor) = (stored[0], stored[1]);
        Assert.Equal(original.KeyId, old.KeyId);
        Assert.Equal("ES256", successor.Algorithm);
        Assert.Equal(rotatedAt + PublishAhead, successor.ActivatesAt, StorePrecision);
        Assert.Null(successor.RetiresAt);
        Assert.Equal(successor.ActivatesAt + Retention, old.RetiresAt!.Value, StorePrecision);
        Assert.Equal([successor.KeyId, old.KeyId], await client.PublishedKidsAsync());
    }

    [Fact]
    public async Task After_rotation_the_new_key_signs_once_published_ahead_and_the_old_one_validates_until_it_retires()
    {
        await using var factory = new TFactory();
        using var client = factory.CreateClient();
        var ring = factory.KeyRing();
        var beforeRotation = await client.SignUpAsync("rotation");
        var oldKid = TokenForge.KeyId(beforeRotation.AccessToken);

        // A whole second, so the database's microsecond precision cannot shift the key's instants.
        factory.Clock.AdjustTime(NextWholeSecond(factory.Clock.GetUtcNow() + RotationPeriod));
        Assert.True(await ring.RotateIfDueAsync(CancellationToken.None));
        var newKid = ring.All.Single(k => k.KeyId != oldKid).KeyId;

        // Published ahead: validators learn the new key while the old one still signs.
        Assert.Equal([newKid, oldKid], await client.PublishedKidsAsync());
        Assert.Equal(oldKid, TokenForge.KeyId((await client.LoginAsAdminAsync()).AccessToken));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, beforeRotation.AccessToken));

        factory.Clock.Advance(PublishAhead);
        Assert.Equal(newKid, TokenForge.KeyId((await client.LoginAsAdminAsync()).AccessToken));
        Assert.Equal([newKid, oldKid], await client.PublishedKidsAsync());
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, beforeRotation.AccessToken));

        // One access-token lifetime plus the clock skew after it stopped signing, the old key is gone.
        factory.Clock.Advance(Retention - TimeSpan.FromSeconds(1));
        Assert.Equal([newKid, oldKid], await client.PublishedKidsAsync());
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([newKid], await client.PublishedKidsAsync());
        using var refused = await client.SendAsync(HttpMethod.Get, "/api/v1/auth/me", beforeRotation.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(["INVALID_TOKEN"], (await refused.ReadErrorAsync()).ErrorCodes());
        using var verify = await client.PostJsonAsync("/api/v1/auth/verify", new { token = beforeRotation.AccessToken });
        var verdict = (await verify.ReadJsonAsync()).GetProperty("data");
        Assert.False(verdict.GetProperty("valid").GetBoolean());
        Assert.Equal("invalid_signature", verdict.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Maintenance_rotates_by_itself_when_its_timer_fires_after_the_rotation_period()
    {
        await using var factory = new TFactory();
        factory.Settings["Identity:SigningKeys:CheckInterval"] = "00:00:01";
        using var client = factory.CreateClient();
        var ring = factory.KeyRing();
        var oldKid = Assert.Single(await client.PublishedKidsAsync());

        // Jump without firing timers; then let the maintenance timer tick, one second at a time.
        factory.Clock.AdjustTime(factory.Clock.GetUtcNow() + RotationPeriod);
        await MercatoProcess.EventuallyAsync(
            () =>
            {
                factory.Clock.Advance(TimeSpan.FromSeconds(1));
                return Task.FromResult(ring.All.Count);
            },
            count => count > 1,
            Patience);

        var stored = await factory.StoredKeysAsync();
        Assert.Equal(2, stored.Count);
        Assert.Equal(oldKid, stored[0].KeyId);
        Assert.NotNull(stored[0].RetiresAt);
        Assert.Equal([stored[1].KeyId, oldKid], await client.PublishedKidsAsync());
        // Fewer than PublishAhead of fake time went by while polling: the old key still signs.
        Assert.Equal(oldKid, TokenForge.KeyId((await client.LoginAsAdminAsync()).AccessToken));
    }

    [Fact]
    public async Task Another_replicas_rotation_is_published_and_signs_after_the_next_check()
    {
        await using var first = new TFactory();
        using var firstClient = first.CreateClient();
        var oldKid = Assert.Single(await firstClient.PublishedKidsAsync());

        await using var second = SharedStore.WithStoreOf(first);
        second.Settings["Identity:SigningKeys:CheckInterval"] = "00:00:01";
        using var secondClient = second.CreateClient();
        Assert.Equal([oldKid], await secondClient.PublishedKidsAsync());

        var newKid = await first.KeyRing().RotateAsync(CancellationToken.None);
        // The second replica only learns of it when its maintenance re-reads the database.
        Assert.Equal([oldKid], await secondClient.PublishedKidsAsync());
        var published = await MercatoProcess.EventuallyAsync(
            () =>
            {
                second.Clock.Advance(TimeSpan.FromSeconds(1));
                return secondClient.PublishedKidsAsync();
            },
            kids => kids.Length > 1,
            Patience);

        Assert.Equal([newKid, oldKid], published);
        Assert.Equal(2, await second.StoredKeyCountAsync());
        second.Clock.Advance(PublishAhead);
        Assert.Equal(newKid, TokenForge.KeyId((await secondClient.LoginAsAdminAsync()).AccessToken));
    }

    [Fact]
    public async Task Keys_retired_for_more_than_a_week_are_deleted_and_recently_retired_ones_kept()
    {
        await using var factory = new TFactory();
        using var client = factory.CreateClient();
        var ring = factory.KeyRing();
        var newKid = await ring.RotateAsync(CancellationToken.None);
        var retiresAt = new DateTimeOffset((await factory.StoredKeysAsync())[0].RetiresAt!.Value, TimeSpan.Zero);

        factory.Clock.AdjustTime(retiresAt + TimeSpan.FromDays(6));
        await ring.RefreshAsync(CancellationToken.None);
        Assert.Equal(2, await factory.StoredKeyCountAsync());

        factory.Clock.AdjustTime(retiresAt + TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await ring.RefreshAsync(CancellationToken.None);
        Assert.Equal(newKid, Assert.Single(await factory.StoredKeysAsync()).KeyId);
        Assert.Equal([newKid], await client.PublishedKidsAsync());
        Assert.Equal(newKid, TokenForge.KeyId((await client.LoginAsAdminAsync()).AccessToken));
    }

    private static DateTimeOffset NextWholeSecond(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond) + TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private static async Task<HttpStatusCode> MeAsync(HttpClient client, string token)
    {
        using var response = await client.SendAsync(HttpMethod.Get, "/api/v1/auth/me", token);
        return response.StatusCode;
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteKeyRotationTests : KeyRotationTests<IdentityFactory>;

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresKeyRotationTests : KeyRotationTests<PostgresIdentityFactory>;
