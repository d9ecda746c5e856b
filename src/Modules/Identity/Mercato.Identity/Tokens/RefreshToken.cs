namespace Mercato.Identity.Tokens;

/// <summary>
/// One refresh token. Only its SHA-256 hash is stored. Each redemption consumes it and issues
/// the next token of the same family; presenting a consumed token again revokes the family.
/// </summary>
internal sealed class RefreshToken
{
    /// <summary>Row id.</summary>
    public Guid Id { get; set; }

    /// <summary>The user it was issued to.</summary>
    public Guid UserId { get; set; }

    /// <summary>The sign-in this token descends from; all its rotations share it.</summary>
    public Guid FamilyId { get; set; }

    /// <summary>SHA-256 of the token, 64 lower-case hex digits.</summary>
    public string TokenHash { get; set; } = string.Empty;

    /// <summary>When it was issued (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When it stops being redeemable (UTC).</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>When it was redeemed (UTC); a second redemption is reuse.</summary>
    public DateTime? ConsumedAt { get; set; }

    /// <summary>When its family was revoked (UTC): logout or detected reuse.</summary>
    public DateTime? RevokedAt { get; set; }
}
