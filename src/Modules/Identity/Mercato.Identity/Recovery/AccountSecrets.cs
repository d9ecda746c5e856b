using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mercato.Identity.Data;
using Mercato.Identity.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Mercato.Identity.Recovery;

/// <summary>
/// Issues, checks and spends <see cref="AccountSecret"/>s: 256-bit link tokens (base64url) and
/// 6-digit codes, both from <see cref="RandomNumberGenerator"/>, stored only as hashes. Each
/// check that spends something runs as one conditional update, so two parallel uses of one secret
/// cannot both succeed.
/// </summary>
internal sealed class AccountSecrets(MercatoIdentityDbContext db, IOptions<IdentitySettings> settings, TimeProvider time)
{
    /// <summary>
    /// Adds a new secret to the context (saved by the caller) and supersedes the account's unused
    /// ones of the same purpose (immediately: call inside the caller's transaction).
    /// </summary>
    public async Task<IssuedSecret> IssueAsync(
        Guid userId, string purpose, string email, bool withToken, bool withCode, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.AccountSecrets
            .Where(s => s.UserId == userId && s.Purpose == purpose && s.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsumedAt, now), cancellationToken);

        var token = withToken ? NewToken() : null;
        var code = withCode ? NewCode() : null;
        var salt = withCode ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) : null;
        db.AccountSecrets.Add(new AccountSecret
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Purpose = purpose,
            Email = email,
            TokenHash = token is null ? null : RefreshTokenService.Hash(token),
            CodeHash = code is null ? null : HashCode(code, salt!),
            CodeSalt = salt,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        });
        return new IssuedSecret(token, code, new DateTimeOffset(now + lifetime, TimeSpan.Zero));
    }

    /// <summary>
    /// Spends the link token <paramref name="token"/> if it is live and of one of
    /// <paramref name="purposes"/> (and, when given, of <paramref name="userId"/>); null otherwise.
    /// </summary>
    public async Task<AccountSecret?> SpendTokenAsync(string token, string[] purposes, Guid? userId, CancellationToken cancellationToken)
    {
        var hash = RefreshTokenService.Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        var secret = await db.AccountSecrets.AsNoTracking()
            .SingleOrDefaultAsync(s => s.TokenHash == hash, cancellationToken);
        if (secret is null || !purposes.Contains(secret.Purpose) || (userId is { } id && secret.UserId != id))
        {
            return null;
        }

        var spent = await db.AccountSecrets
            .Where(s => s.Id == secret.Id && s.ConsumedAt == null && s.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsumedAt, now), cancellationToken);
        return spent == 1 ? secret : null;
    }

    /// <summary>
    /// Tries <paramref name="code"/> against the account's live code of <paramref name="purposes"/>
    /// and spends it when right. Every try counts; once <see cref="OneTimeCodeOptions.MaxAttempts"/>
    /// tries are used, the next one is refused, right or wrong, and burns the code.
    /// </summary>
    public async Task<AccountSecret?> SpendCodeAsync(Guid userId, string[] purposes, string code, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var maxAttempts = settings.Value.OneTimeCodes.MaxAttempts;
        var secret = await db.AccountSecrets.AsNoTracking()
            .Where(s => s.UserId == userId && purposes.Contains(s.Purpose) && s.CodeHash != null && s.ConsumedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (secret is null)
        {
            // The same hashing work as a real check, so the time does not tell whether a code is out.
            _ = HashCode(code, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
            return null;
        }

        var counted = await db.AccountSecrets
            .Where(s => s.Id == secret.Id && s.ConsumedAt == null && s.CodeAttempts < maxAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CodeAttempts, x => x.CodeAttempts + 1), cancellationToken);
        if (counted == 0)
        {
            await db.AccountSecrets.Where(s => s.Id == secret.Id && s.ConsumedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsumedAt, now), cancellationToken);
            return null;
        }

        var expected = Convert.FromHexString(secret.CodeHash!);
        var actual = Convert.FromHexString(HashCode(code, secret.CodeSalt!));
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return null;
        }

        var spent = await db.AccountSecrets
            .Where(s => s.Id == secret.Id && s.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsumedAt, now), cancellationToken);
        return spent == 1 ? secret : null;
    }

    private static string NewToken() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    private static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    private static string HashCode(string code, string salt)
        => Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromHexString(salt), Encoding.UTF8.GetBytes(code)));
}
