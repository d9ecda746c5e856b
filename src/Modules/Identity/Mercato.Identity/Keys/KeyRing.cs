using Mercato.Identity.Data;
using Mercato.Platform.Auth;
using Mercato.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.Keys;

/// <summary>
/// The keys that sign and validate access tokens. Configured keys are used as given; otherwise
/// keys are generated, kept in the module's database, and rotated: a new key is published
/// <see cref="SigningKeyOptions.PublishAhead"/> before it signs, and the old one stays published
/// for one access-token lifetime after it stopped signing, so no valid token is ever orphaned.
/// </summary>
internal sealed partial class KeyRing(
    IServiceScopeFactory scopes,
    SigningKeyProtector protector,
    IOptions<IdentitySettings> settings,
    IOptions<AuthOptions> auth,
    TimeProvider time,
    ILogger<KeyRing> logger)
{
    private volatile IReadOnlyList<SigningKeyMaterial> keys = [];

    /// <summary>Whether the keys come from configuration (and are never generated or rotated here).</summary>
    public bool FromConfiguration => settings.Value.SigningKeys.Keys.Count > 0;

    /// <summary>Every key loaded, including ones not yet active and ones already retired.</summary>
    public IReadOnlyList<SigningKeyMaterial> All => keys;

    /// <summary>
    /// The key that signs now: the most recently activated unretired key. Should the clock have
    /// been stepped back before every key's activation (a first key generated just before an NTP
    /// correction), the earliest published key signs rather than every sign-in failing.
    /// </summary>
    /// <exception cref="InvalidOperationException">No key can sign (keys not loaded, or all retired).</exception>
    public SigningKeyMaterial Current
    {
        get
        {
            var now = time.GetUtcNow();
            return keys.Where(k => k.CanSignAt(now)).MaxBy(k => k.ActivatesAt)
                ?? keys.Where(k => k.IsPublishedAt(now)).MinBy(k => k.ActivatesAt)
                ?? throw new InvalidOperationException("No signing key is active; check Identity:SigningKeys.");
        }
    }

    /// <summary>The keys published in the JWKS now (current, upcoming, and recently retired-from-signing).</summary>
    public IReadOnlyList<SigningKeyMaterial> Published
    {
        get
        {
            var now = time.GetUtcNow();
            return [.. keys.Where(k => k.IsPublishedAt(now)).OrderByDescending(k => k.ActivatesAt)];
        }
    }

    /// <summary>Loads the keys, generating the first one when the database has none that can sign.</summary>
    /// <exception cref="InvalidConfigurationException">Configured keys are unusable (the algorithm of generated ones is checked with the settings, at start).</exception>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (FromConfiguration)
        {
            keys = LoadConfigured();
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoIdentityDbContext>();
        await ProtectClearKeysAsync(db, cancellationToken);
        var stored = await db.SigningKeys.AsNoTracking().ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (!stored.Any(k => k.ActivatesAt <= now.UtcDateTime && (k.RetiresAt is null || k.RetiresAt > now.UtcDateTime)))
        {
            var first = NewStoredKey(now.UtcDateTime);
            db.SigningKeys.Add(first);
            await db.SaveChangesAsync(cancellationToken);
            stored.Add(first);
            LogKeyGenerated(logger, first.KeyId, first.Algorithm);
        }

        keys = [.. stored.Select(ToMaterial)];
    }

    /// <summary>
    /// Starts a rotation when the current generated key has signed for a full rotation period
    /// and no successor exists yet. Does nothing for configured keys.
    /// </summary>
    /// <returns>Whether a new key was added.</returns>
    public async Task<bool> RotateIfDueAsync(CancellationToken cancellationToken)
    {
        if (FromConfiguration)
        {
            return false;
        }

        var current = Current;
        var now = time.GetUtcNow();
        if (keys.Any(k => k.ActivatesAt > current.ActivatesAt && k.IsPublishedAt(now))
            || current.ActivatesAt + settings.Value.SigningKeys.RotationPeriod > now)
        {
            return false;
        }

        await RotateAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Adds a new generated key that signs after <see cref="SigningKeyOptions.PublishAhead"/>, and
    /// retires the current one an access-token lifetime (plus clock skew) after that.
    /// </summary>
    /// <returns>The new key's id.</returns>
    public async Task<string> RotateAsync(CancellationToken cancellationToken)
    {
        if (FromConfiguration)
        {
            throw new InvalidOperationException("Configured signing keys are rotated in configuration.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var options = settings.Value;
        var successor = NewStoredKey(now, now + options.SigningKeys.PublishAhead);
        var retireAt = successor.ActivatesAt + options.AccessTokenLifetime + auth.Value.ClockSkew;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoIdentityDbContext>();
        db.SigningKeys.Add(successor);
        await db.SigningKeys
            .Where(k => k.ActivatesAt <= now && k.RetiresAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiresAt, retireAt), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        LogKeyRotated(logger, successor.KeyId, successor.ActivatesAt, retireAt);

        await ReloadAsync(db, cancellationToken);
        return successor.KeyId;
    }

    /// <summary>Re-reads generated keys (another replica may have rotated) and drops long-retired ones.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (FromConfiguration)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoIdentityDbContext>();
        var cutoff = time.GetUtcNow().UtcDateTime - TimeSpan.FromDays(7);
        await db.SigningKeys.Where(k => k.RetiresAt != null && k.RetiresAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await ReloadAsync(db, cancellationToken);
    }

    /// <summary>Protects keys an earlier version stored as clear PEM (each keeps its id and lifetime).</summary>
    private async Task ProtectClearKeysAsync(MercatoIdentityDbContext db, CancellationToken cancellationToken)
    {
        var clear = (await db.SigningKeys.ToListAsync(cancellationToken)).Where(k => !SigningKeyProtector.IsProtected(k.PrivateKeyPem)).ToList();
        if (clear.Count == 0)
        {
            return;
        }

        foreach (var key in clear)
        {
            key.PrivateKeyPem = protector.Protect(key.PrivateKeyPem);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        LogKeysProtected(logger, clear.Count);
    }

    private async Task ReloadAsync(MercatoIdentityDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.SigningKeys.AsNoTracking().ToListAsync(cancellationToken);
        keys = [.. stored.Select(ToMaterial)];
    }

    private StoredSigningKey NewStoredKey(DateTime now, DateTime? activatesAt = null)
    {
        var algorithm = settings.Value.SigningKeys.Algorithm;
        var pem = SigningKeyMaterial.GeneratePem(algorithm);
        var material = SigningKeyMaterial.Load(algorithm, pem);
        return new StoredSigningKey
        {
            KeyId = material.KeyId,
            Algorithm = material.Algorithm,
            PrivateKeyPem = protector.Protect(pem),
            CreatedAt = now,
            ActivatesAt = activatesAt ?? now,
        };
    }

    private SigningKeyMaterial ToMaterial(StoredSigningKey key)
        => SigningKeyMaterial.Load(
            key.Algorithm,
            protector.Unprotect(key.PrivateKeyPem),
            key.KeyId,
            key.ActivatesAt,
            key.RetiresAt);

    private List<SigningKeyMaterial> LoadConfigured()
    {
        var loaded = new List<SigningKeyMaterial>();
        foreach (var (configured, index) in settings.Value.SigningKeys.Keys.Select((k, i) => (k, i)))
        {
            var where = $"Identity:SigningKeys:Keys:{index}";
            try
            {
                var pem = configured.PrivateKeyPem;
                if (string.IsNullOrWhiteSpace(pem) && !string.IsNullOrWhiteSpace(configured.PrivateKeyFile))
                {
                    pem = File.ReadAllText(configured.PrivateKeyFile);
                }

                if (string.IsNullOrWhiteSpace(pem))
                {
                    throw new InvalidConfigurationException($"{where} has neither PrivateKeyPem nor PrivateKeyFile.");
                }

                loaded.Add(SigningKeyMaterial.Load(
                    configured.Algorithm,
                    pem,
                    string.IsNullOrWhiteSpace(configured.KeyId) ? null : configured.KeyId,
                    configured.ActivatesAt,
                    configured.RetiresAt));
            }
            catch (Exception ex) when (ex is ArgumentException or System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
            {
                throw new InvalidConfigurationException($"{where} is not a usable signing key: {ex.Message}", ex);
            }
        }

        if (loaded.GroupBy(k => k.KeyId, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            throw new InvalidConfigurationException("Identity:SigningKeys:Keys contains the same key id twice.");
        }

        var now = time.GetUtcNow();
        if (!loaded.Any(k => k.CanSignAt(now)))
        {
            throw new InvalidConfigurationException("Identity:SigningKeys:Keys has no key that is active now.");
        }

        return loaded;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Protected {Count} signing key(s) stored in the clear by an earlier version")]
    private static partial void LogKeysProtected(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated signing key {KeyId} ({Algorithm})")]
    private static partial void LogKeyGenerated(ILogger logger, string keyId, string algorithm);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rotating signing keys: {KeyId} signs from {ActivatesAt:o}; the previous key retires at {RetiresAt:o}")]
    private static partial void LogKeyRotated(ILogger logger, string keyId, DateTime activatesAt, DateTime retiresAt);
}
