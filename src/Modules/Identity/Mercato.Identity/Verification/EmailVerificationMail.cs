using Mercato.Identity.Data;
using Mercato.Identity.Users;

namespace Mercato.Identity.Verification;

/// <summary>
/// A verification mail asked for by address (a resend, or a code request): sent when the account
/// exists and is not verified yet; otherwise the same work is done and nothing is sent, so the
/// answer never tells which addresses have accounts.
/// </summary>
internal sealed class EmailVerificationMail(MercatoIdentityDbContext db, EmailVerification verification)
{
    /// <summary>Sends the mail to <paramref name="user"/>'s address if it still needs verifying.</summary>
    public async Task SendAsync(User? user, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (user is { EmailConfirmed: false })
        {
            await verification.SendAsync(user, user.Email!, isEmailChange: false, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
