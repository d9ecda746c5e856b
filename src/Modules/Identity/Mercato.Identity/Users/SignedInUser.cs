using System.Security.Claims;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;

namespace Mercato.Identity.Users;

/// <summary>The account behind a shopper's access token (endpoints that require <see cref="MercatoPolicies.Customer"/>).</summary>
internal static class SignedInUser
{
    /// <summary>The user id in the token's subject, or null when the subject is not a user id.</summary>
    public static Guid? IdOf(ClaimsPrincipal principal)
        => Guid.TryParse(principal.FindFirstValue(MercatoClaims.Subject), out var id) ? id : null;

    /// <summary>
    /// The signed-in user's account; null for an anonymous caller, a service token (it names a
    /// client, not a user) or an account that no longer exists.
    /// </summary>
    public static async Task<User?> FindAsync(ClaimsPrincipal principal, MercatoUserManager users)
        => principal.FindFirstValue(MercatoClaims.ClientId) is null && IdOf(principal) is { } id
            ? await users.FindByIdAsync(id.ToString())
            : null;

    /// <summary>The answer when the token's account no longer exists.</summary>
    public static ApiErrorResult Gone() => ApiResults.NotFound("The account this token was issued for no longer exists");
}
