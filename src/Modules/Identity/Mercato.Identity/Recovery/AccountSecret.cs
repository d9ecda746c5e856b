namespace Mercato.Identity.Recovery;

/// <summary>
/// One issued account secret: a link token, a 6-digit code, or both (a verification mail carries
/// both). Only hashes are stored: the token's SHA-256, and the code's HMAC-SHA-256 under a salt of
/// its own. A secret works once, until <see cref="ExpiresAt"/>; a newer secret of the same user and
/// purpose supersedes it (<see cref="ConsumedAt"/> is set).
/// </summary>
internal sealed class AccountSecret
{
    /// <summary>Row id.</summary>
    public Guid Id { get; set; }

    /// <summary>The account.</summary>
    public Guid UserId { get; set; }

    /// <summary>What it is for (<see cref="SecretPurpose"/>).</summary>
    public string Purpose { get; set; } = string.Empty;

    /// <summary>The address the secret was sent to: for an e-mail change, the pending new address.</summary>
    public string Email { get; set; } = string.Empty;

    /// <summary>SHA-256 of the link token (64 lower-case hex digits), or null when only a code was sent.</summary>
    public string? TokenHash { get; set; }

    /// <summary>HMAC-SHA-256 of the code under <see cref="CodeSalt"/> (hex), or null when only a link was sent.</summary>
    public string? CodeHash { get; set; }

    /// <summary>The code's random salt (hex).</summary>
    public string? CodeSalt { get; set; }

    /// <summary>Wrong and right tries of the code so far.</summary>
    public int CodeAttempts { get; set; }

    /// <summary>When it was issued (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When it stops working (UTC).</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>When it was used, superseded or burnt (UTC).</summary>
    public DateTime? ConsumedAt { get; set; }
}
