using Mercato.Platform.Hosting;

namespace Mercato.Identity.Keys;

/// <summary>
/// The keys that sign access tokens (<c>Identity:SigningKeys</c>). With <see cref="Keys"/>
/// empty, Identity generates a key on first start, keeps it in its database and rotates it
/// every <see cref="RotationPeriod"/>. With keys configured (distributed mode, several
/// replicas), exactly those are used.
/// </summary>
internal sealed class SigningKeyOptions
{
    /// <summary>Configured keys; the newest active one signs, all unretired ones are published.</summary>
    public List<ConfiguredSigningKey> Keys { get; set; } = [];

    /// <summary>The algorithm of generated keys: <c>ES256</c> (default) or <c>RS256</c>.</summary>
    public string Algorithm { get; set; } = "ES256";

    /// <summary>How long a generated key signs before a new one replaces it (default 90 days).</summary>
    public TimeSpan RotationPeriod { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// How long a new generated key is published before it signs, so every validator's cached
    /// key set already holds it (default 15 minutes, above validators' 10-minute refresh).
    /// </summary>
    public TimeSpan PublishAhead { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the key set is re-read from the database and rotation checked (default 1 minute).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// What is wrong with these settings. Configured keys are checked when they are loaded (their
    /// PEM, curve and size), which stops the start the same way.
    /// </summary>
    public IEnumerable<string> Problems() => SettingRules.Failed(
        AlgorithmProblem(),
        SettingRules.Positive(RotationPeriod, "Identity:SigningKeys:RotationPeriod"),
        SettingRules.NotNegative(PublishAhead, "Identity:SigningKeys:PublishAhead"),
        PublishAhead < RotationPeriod ? null : "Identity:SigningKeys:PublishAhead must be shorter than Identity:SigningKeys:RotationPeriod",
        CheckInterval >= TimeSpan.FromSeconds(1) && CheckInterval <= TimeSpan.FromDays(1)
            ? null
            : "Identity:SigningKeys:CheckInterval must be between 1 second and 1 day");

    private string? AlgorithmProblem()
    {
        try
        {
            SigningKeyMaterial.Normalize(Algorithm);
            return null;
        }
        catch (ArgumentException ex)
        {
            return $"Identity:SigningKeys:Algorithm is not usable: {ex.Message}";
        }
    }
}

/// <summary>One configured signing key.</summary>
internal sealed class ConfiguredSigningKey
{
    /// <summary>The key id (<c>kid</c>); defaults to the key's RFC 7638 thumbprint.</summary>
    public string? KeyId { get; set; }

    /// <summary><c>ES256</c> (P-256 key) or <c>RS256</c> (RSA key of at least 2048 bits).</summary>
    public string Algorithm { get; set; } = "ES256";

    /// <summary>The private key as PEM (PKCS#8, SEC1 or PKCS#1).</summary>
    public string? PrivateKeyPem { get; set; }

    /// <summary>A file holding the PEM private key (for mounted secrets).</summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>From when the key signs (UTC); before that it is only published. Default: always.</summary>
    public DateTimeOffset? ActivatesAt { get; set; }

    /// <summary>From when the key is neither used nor published (UTC). Default: never.</summary>
    public DateTimeOffset? RetiresAt { get; set; }
}
