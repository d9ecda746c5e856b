using Mercato.Identity.Accounts;
using Mercato.Identity.Contracts;
using Mercato.Identity.Data;
using Mercato.Identity.Tokens;
using Mercato.Identity.Users;
using Mercato.Messaging.Outbox;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.Recovery;

/// <summary>
/// Password resets: asking for one (a link token, or a code) and setting the new password with
/// the secret. A reset signs out every session, renews the security stamp, ends a lockout and
/// confirms the address the secret was mailed to; it publishes <see cref="PasswordChanged"/>.
/// </summary>
internal sealed class PasswordReset(
    MercatoIdentityDbContext db,
    MercatoUserManager users,
    AccountSecrets secrets,
    RefreshTokenService refreshTokens,
    IOptions<IdentitySettings> settings,
    TimeProvider time)
{
    /// <summary>The message of a refused link token.</summary>
    public const string InvalidTokenMessage = "The reset link is invalid, expired or already used";

    /// <summary>The code of a refused one-time code.</summary>
    public const string InvalidCode = "INVALID_CODE";

    /// <summary>
    /// Mails <paramref name="user"/> a reset link (<paramref name="byCode"/> false) or a code,
    /// superseding older ones. For no account (null) it does the same work but stores and sends
    /// nothing, so the answer takes about as long either way.
    /// </summary>
    public async Task RequestAsync(User? user, bool byCode, CancellationToken cancellationToken)
    {
        var value = settings.Value;
        var lifetime = byCode ? value.OneTimeCodes.Lifetime : value.PasswordReset.TokenLifetime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var issued = await secrets.IssueAsync(
            user?.Id ?? Guid.Empty, SecretPurpose.PasswordReset, user?.Email ?? string.Empty, withToken: !byCode, withCode: byCode, lifetime, cancellationToken);
        if (user is null)
        {
            // Nothing to send: forget the decoy secret (the work to make it is done).
            db.ChangeTracker.Clear();
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        db.AddIntegrationEvent(
            new PasswordResetRequested(user.Id, user.Email!, user.FirstName, issued.Token, issued.Code, issued.ExpiresAt, Language: user.PreferredLanguage),
            IdentityModule.Name);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Sets <paramref name="newPassword"/> for <paramref name="user"/> if <paramref name="token"/>
    /// (or else <paramref name="code"/>) is its live reset secret; a null user is refused like a wrong secret.
    /// </summary>
    /// <returns>Null when the password was set; the 400 otherwise (nothing changed but a code's try count).</returns>
    public async Task<ApiErrorResult?> ResetAsync(User? user, string? token, string? code, string newPassword, CancellationToken cancellationToken)
    {
        var refusal = token is not null
            ? ApiResults.BadRequest("token", InvalidTokenMessage, ErrorCodes.InvalidToken)
            : ApiResults.BadRequest("code", "The code is wrong, expired or already used", InvalidCode);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var secret = user is null
            ? null
            : token is not null
                ? await secrets.SpendTokenAsync(token, [SecretPurpose.PasswordReset], user.Id, cancellationToken)
                : await secrets.SpendCodeAsync(user.Id, [SecretPurpose.PasswordReset], code!, cancellationToken);
        if (secret is null)
        {
            // A code's try counts even when it was wrong.
            await transaction.CommitAsync(cancellationToken);
            return refusal;
        }

        var now = time.GetUtcNow();
        user!.UpdatedAt = now.UtcDateTime;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        if (string.Equals(users.NormalizeEmail(secret.Email), user.NormalizedEmail, StringComparison.Ordinal))
        {
            // They read the mail sent to this address.
            user.EmailConfirmed = true;
        }

        db.AddIntegrationEvent(new PasswordChanged(user.Id, user.Email!, user.FirstName, now, ByReset: true, Language: user.PreferredLanguage), IdentityModule.Name);
        var changed = await users.ReplacePasswordAsync(user, newPassword);
        if (!changed.Succeeded)
        {
            return IdentityErrorMapping.ToApiError(changed.Errors, "newPassword");
        }

        await refreshTokens.RevokeAllAsync(user.Id, keep: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}
