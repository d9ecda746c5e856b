using System.Security.Cryptography;
using System.Text;
using Mercato.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Mercato.Identity.Tokens;

/// <summary>Issues, redeems (rotates) and revokes refresh tokens.</summary>
internal sealed partial class RefreshTokenService(
    MercatoIdentityDbContext db, IOptions<IdentitySettings> settings, TimeProvider time, ILogger<RefreshTokenService> logger)
{
    /// <summary>Adds a new token to the context (saved by the caller) and returns its plain text.</summary>
    /// <param name="userId">The owner.</param>
    /// <param name="familyId">The family to continue, or null to start one (a new sign-in).</param>
    public string Issue(Guid userId, Guid? familyId = null)
    {
        var plain = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        db.RefreshTokens.Add(new RefreshToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            FamilyId = familyId ?? Guid.CreateVersion7(),
            TokenHash = Hash(plain),
            CreatedAt = now,
            ExpiresAt = now + settings.Value.RefreshTokenLifetime,
        });
        return plain;
    }

    /// <summary>
    /// Consumes a token atomically. A token already consumed is reuse: its whole family is
    /// revoked, so a thief holding either copy is cut off.
    /// </summary>
    public async Task<RefreshRedemption> RedeemAsync(string plain, CancellationToken cancellationToken)
    {
        var hash = Hash(plain);
        var now = time.GetUtcNow().UtcDateTime;
        var consumed = await db.RefreshTokens
            .Where(t => t.TokenHash == hash && t.ConsumedAt == null && t.RevokedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, now), cancellationToken);

        var token = await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null)
        {
            return RefreshRedemption.Invalid;
        }

        if (consumed == 1)
        {
            return RefreshRedemption.Redeemed(token.UserId, token.FamilyId);
        }

        if (token.ConsumedAt is not null && token.RevokedAt is null)
        {
            var revoked = await RevokeFamilyAsync(token.FamilyId, cancellationToken);
            LogReuseDetected(logger, token.UserId, token.FamilyId, revoked);
            return RefreshRedemption.Reused;
        }

        return RefreshRedemption.Invalid;
    }

    /// <summary>Revokes the family of the given token if it belongs to <paramref name="userId"/>.</summary>
    /// <returns>Whether the token was found and belonged to the user.</returns>
    public async Task<bool> RevokeAsync(string plain, Guid userId, CancellationToken cancellationToken)
    {
        var hash = Hash(plain);
        var token = await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null || token.UserId != userId)
        {
            return false;
        }

        await RevokeFamilyAsync(token.FamilyId, cancellationToken);
        return true;
    }

    /// <summary>Revokes every session of <paramref name="userId"/> but <paramref name="keep"/> (null: every one).</summary>
    /// <returns>How many tokens were revoked.</returns>
    public Task<int> RevokeAllAsync(Guid userId, Guid? keep, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.RefreshTokens
            .Where(t => t.UserId == userId && t.RevokedAt == null && (keep == null || t.FamilyId != keep))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    private Task<int> RevokeFamilyAsync(Guid familyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.RefreshTokens
            .Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    /// <summary>SHA-256 of the token as lower-case hex: what the database holds.</summary>
    public static string Hash(string plain) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plain)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refresh token reuse for user {UserId}: revoked {Count} tokens of family {FamilyId}")]
    private static partial void LogReuseDetected(ILogger logger, Guid userId, Guid familyId, int count);
}
