using Mercato.Identity.Data;
using Mercato.Identity.Tokens;
using Mercato.Identity.Users;

namespace Mercato.Identity.SignIn;

/// <summary>Issues an access token and a refresh token for a user, and saves the refresh token.</summary>
internal sealed class SessionIssuer(MercatoIdentityDbContext db, MercatoUserManager users, AccessTokenIssuer tokens, RefreshTokenService refreshTokens)
{
    /// <summary>
    /// Signs a new pair; <paramref name="familyId"/> continues a refreshed session. The access
    /// token names the session (its refresh-token family) in its <c>sid</c> claim.
    /// </summary>
    public async Task<TokenPairResponse> IssueAsync(User user, Guid? familyId, bool includeUser, CancellationToken cancellationToken)
    {
        var roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        var session = familyId ?? Guid.CreateVersion7();
        var access = tokens.ForUser(user, roles, session);
        var refresh = refreshTokens.Issue(user.Id, session);
        await db.SaveChangesAsync(cancellationToken);
        var signedIn = includeUser
            ? new SignedInUser(user.Id, user.Email!, user.DisplayUsername, user.FirstName, user.LastName, roles)
            : null;
        return new TokenPairResponse(access.Token, refresh, access.ExpiresIn, "Bearer", signedIn);
    }
}
