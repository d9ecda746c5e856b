using Mercato.Identity.Users;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;

namespace Mercato.Identity.Verification;

/// <summary>
/// A change of an account's address: the new address is kept as pending (in its verification
/// secret) and mailed a link and a code; the sign-in address stays the old one until the new one
/// is verified. The profile update calls <see cref="RequestAsync"/> too.
/// </summary>
internal sealed class EmailChange(MercatoUserManager users, EmailVerification verification)
{
    /// <summary>
    /// Asks to move <paramref name="user"/> to <paramref name="newEmail"/>: adds the verification and its
    /// <c>EmailVerificationRequested</c> (<c>IsEmailChange</c>) to the context; the caller saves, in its transaction.
    /// </summary>
    /// <returns>Null when asked; 409 when another account has the address, 400 when it is the account's own (both naming <paramref name="field"/>).</returns>
    public async Task<ApiErrorResult?> RequestAsync(User user, string newEmail, CancellationToken cancellationToken, string field = "newEmail")
    {
        var owner = await users.FindByEmailAsync(newEmail);
        if (owner is not null && owner.Id != user.Id)
        {
            return ApiResults.Conflict(ErrorCodes.AlreadyExists, "An account with this e-mail address already exists", field);
        }

        if (owner is not null)
        {
            return ApiResults.BadRequest(field, "This is already the account's e-mail address");
        }

        await verification.SendAsync(user, newEmail, isEmailChange: true, cancellationToken);
        return null;
    }
}
