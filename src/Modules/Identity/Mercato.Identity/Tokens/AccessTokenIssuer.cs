using Mercato.Identity.Keys;
using Mercato.Identity.Users;
using Mercato.Platform.Auth;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mercato.Identity.Tokens;

/// <summary>Signs access tokens for users and service clients with the key ring's current key.</summary>
internal sealed class AccessTokenIssuer(KeyRing keys, IOptions<AuthOptions> auth, IOptions<IdentitySettings> settings, TimeProvider time)
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>
    /// A user's token: subject, session, e-mail and whether it is verified, names, user name and
    /// one <c>role</c> claim per role.
    /// </summary>
    public IssuedAccessToken ForUser(User user, IReadOnlyCollection<string> roles, Guid sessionId)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [MercatoClaims.Subject] = user.Id.ToString(),
            [MercatoClaims.SessionId] = sessionId.ToString(),
            [MercatoClaims.Email] = user.Email ?? string.Empty,
            [MercatoClaims.EmailVerified] = user.EmailConfirmed,
            [MercatoClaims.Role] = roles.ToArray(),
        };
        if (user.FirstName.Length > 0)
        {
            claims[MercatoClaims.GivenName] = user.FirstName;
        }

        if (user.LastName.Length > 0)
        {
            claims[MercatoClaims.FamilyName] = user.LastName;
        }

        if (user.DisplayUsername is { } username)
        {
            claims["preferred_username"] = username;
        }

        return Sign(claims);
    }

    /// <summary>A service client's token: subject and <c>client_id</c> are the client, <c>scope</c> its granted scopes.</summary>
    public IssuedAccessToken ForClient(string clientId, IReadOnlyCollection<string> scopes)
        => Sign(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [MercatoClaims.Subject] = clientId,
            [MercatoClaims.ClientId] = clientId,
            [MercatoClaims.Scope] = string.Join(' ', scopes),
        });

    private IssuedAccessToken Sign(Dictionary<string, object> claims)
    {
        var now = time.GetUtcNow();
        var lifetime = settings.Value.AccessTokenLifetime;
        var expires = now + lifetime;
        claims[JwtRegisteredClaimNames.Jti] = Guid.CreateVersion7().ToString();
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Value.Issuer,
            Audience = auth.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = keys.Current.Credentials,
        });
        return new IssuedAccessToken(token, expires, (int)lifetime.TotalSeconds);
    }
}
