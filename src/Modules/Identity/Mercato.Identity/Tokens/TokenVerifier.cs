using Mercato.Identity.Keys;
using Mercato.Platform.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mercato.Identity.Tokens;

/// <summary>
/// Checks a token exactly as every module's bearer handler does (same parameters), against the
/// key ring's published keys.
/// </summary>
internal sealed class TokenVerifier(KeyRing keys, IOptionsMonitor<JwtBearerOptions> bearer)
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    /// <summary>Validates <paramref name="token"/> and describes it.</summary>
    public async Task<VerifyTokenResponse> VerifyAsync(string token)
    {
        var parameters = bearer.Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters.Clone();
        parameters.IssuerSigningKeys = [.. keys.Published.Select(k => (SecurityKey)k.PublicKey)];
        var result = await Handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return Invalid(result.Exception switch
            {
                SecurityTokenExpiredException => "expired",
                SecurityTokenInvalidAudienceException => "invalid_audience",
                SecurityTokenInvalidIssuerException => "invalid_issuer",
                SecurityTokenInvalidAlgorithmException => "invalid_algorithm",
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "invalid_signature",
                SecurityTokenMalformedException or ArgumentException => "malformed",
                _ => "invalid",
            });
        }

        var identity = result.ClaimsIdentity;
        var subject = identity.FindFirst(MercatoClaims.Subject)?.Value;
        var clientId = identity.FindFirst(MercatoClaims.ClientId)?.Value;
        var scopes = identity.FindAll(MercatoClaims.Scope).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var roles = identity.FindAll(MercatoClaims.Role).Select(c => c.Value).ToList();
        return new VerifyTokenResponse(
            Valid: true,
            Reason: null,
            Subject: subject,
            UserId: clientId is null && Guid.TryParse(subject, out var userId) ? userId : null,
            ClientId: clientId,
            Email: identity.FindFirst(MercatoClaims.Email)?.Value,
            Roles: roles,
            Scopes: scopes,
            ExpiresAt: result.SecurityToken is JsonWebToken jwt ? new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) : null);
    }

    private static VerifyTokenResponse Invalid(string reason) => new(false, reason, null, null, null, null, [], [], null);
}
