using Mercato.Identity.Contracts;
using Mercato.Identity.Data;
using Mercato.Identity.Recovery;
using Mercato.Identity.Users;
using Mercato.Messaging.Outbox;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.Verification;

/// <summary>
/// Verifies addresses: issues the link token and the 6-digit code of a verification mail (both
/// expire after <see cref="OneTimeCodeOptions.Lifetime"/>) and spends them. An e-mail change is
/// verified the same way, and verifying it switches the account's address.
/// </summary>
internal sealed class EmailVerification(
    MercatoIdentityDbContext db, MercatoUserManager users, AccountSecrets secrets, IOptions<IdentitySettings> settings, TimeProvider time)
{
    /// <summary>The message of a refused verification code.</summary>
    public const string InvalidCodeMessage = "The code is wrong, expired or already used";

    /// <summary>
    /// Adds a verification of <paramref name="email"/> for <paramref name="user"/> and its
    /// <see cref="EmailVerificationRequested"/> event to the context (saved by the caller, in its
    /// transaction), superseding the account's older ones of the same kind.
    /// </summary>
    public async Task SendAsync(User user, string email, bool isEmailChange, CancellationToken cancellationToken)
    {
        var purpose = isEmailChange ? SecretPurpose.EmailChange : SecretPurpose.EmailVerification;
        var issued = await secrets.IssueAsync(
            user.Id, purpose, email, withToken: true, withCode: true, settings.Value.OneTimeCodes.Lifetime, cancellationToken);
        db.AddIntegrationEvent(
            new EmailVerificationRequested(user.Id, email, user.FirstName, issued.Token!, issued.Code!, issued.ExpiresAt, isEmailChange, Language: user.PreferredLanguage),
            IdentityModule.Name);
    }

    /// <summary>Spends a verification link token and applies it.</summary>
    /// <returns>Null when the address is verified (or switched); the error otherwise, nothing changed.</returns>
    public async Task<ApiErrorResult?> VerifyTokenAsync(string token, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var secret = await secrets.SpendTokenAsync(token, [SecretPurpose.EmailVerification, SecretPurpose.EmailChange], userId: null, cancellationToken);
        var refusal = ApiResults.BadRequest("token", "The verification link is invalid, expired or already used", ErrorCodes.InvalidToken);
        return await ApplyAsync(secret, refusal, transaction, cancellationToken);
    }

    /// <summary>Tries a verification code of <paramref name="user"/> (null: an unknown account, refused like a wrong code).</summary>
    /// <param name="user">The account.</param>
    /// <param name="code">The code.</param>
    /// <param name="includeEmailChange">Whether a pending e-mail change's code counts too (only for the signed-in owner).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<ApiErrorResult?> VerifyCodeAsync(User? user, string code, bool includeEmailChange, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        string[] purposes = includeEmailChange ? [SecretPurpose.EmailVerification, SecretPurpose.EmailChange] : [SecretPurpose.EmailVerification];
        var secret = user is null ? null : await secrets.SpendCodeAsync(user.Id, purposes, code, cancellationToken);
        return await ApplyAsync(secret, ApiResults.BadRequest("code", InvalidCodeMessage, PasswordReset.InvalidCode), transaction, cancellationToken);
    }

    private async Task<ApiErrorResult?> ApplyAsync(
        AccountSecret? secret, ApiErrorResult refusal, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        var user = secret is null ? null : await users.FindByIdAsync(secret.UserId.ToString());
        if (secret is null || user is null)
        {
            // A code's try counts even when it was wrong.
            await transaction.CommitAsync(cancellationToken);
            return refusal;
        }

        user.UpdatedAt = time.GetUtcNow().UtcDateTime;
        if (secret.Purpose == SecretPurpose.EmailChange)
        {
            var taken = await users.FindByEmailAsync(secret.Email);
            if (taken is not null && taken.Id != user.Id)
            {
                return ApiResults.Conflict(ErrorCodes.AlreadyExists, "Another account has taken this e-mail address meanwhile", "email");
            }

            var switched = await users.SetEmailAsync(user, secret.Email);
            if (switched.Succeeded && !user.HasUsername)
            {
                // Without a chosen user name, the sign-in name is the address.
                switched = await users.SetUserNameAsync(user, secret.Email);
            }

            if (!switched.Succeeded)
            {
                return Accounts.IdentityErrorMapping.ToApiError(switched.Errors);
            }
        }
        else if (!string.Equals(users.NormalizeEmail(secret.Email), user.NormalizedEmail, StringComparison.Ordinal))
        {
            // The account's address changed since this mail was sent: it proves nothing about the new one.
            await transaction.CommitAsync(cancellationToken);
            return refusal;
        }

        user.EmailConfirmed = true;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return Accounts.IdentityErrorMapping.ToApiError(updated.Errors);
        }

        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}
