namespace Mercato.Identity.Keys;

/// <summary>A signing key Identity generated and keeps in its database.</summary>
internal sealed class StoredSigningKey
{
    /// <summary>The key id (<c>kid</c>): the key's RFC 7638 thumbprint.</summary>
    public string KeyId { get; set; } = string.Empty;

    /// <summary><c>ES256</c> or <c>RS256</c>.</summary>
    public string Algorithm { get; set; } = string.Empty;

    /// <summary>
    /// The private key (PKCS#8 PEM) protected with Data Protection (<c>dp1:</c>...; see
    /// <see cref="SigningKeyProtector"/>); a clear PEM only in rows an earlier version wrote, until the next start.
    /// </summary>
    public string PrivateKeyPem { get; set; } = string.Empty;

    /// <summary>When it was generated (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>From when it signs (UTC).</summary>
    public DateTime ActivatesAt { get; set; }

    /// <summary>From when it is neither used nor published (UTC); null while current.</summary>
    public DateTime? RetiresAt { get; set; }
}
