namespace Mercato.Identity.Tokens;

/// <summary>Whether a token is valid here, and whose it is.</summary>
/// <param name="Valid">Whether every check passed (signature, issuer, audience, lifetime, algorithm).</param>
/// <param name="Reason">Why not, when invalid: <c>expired</c>, <c>invalid_signature</c>, <c>invalid_audience</c>, <c>invalid_issuer</c>, <c>invalid_algorithm</c>, <c>malformed</c> or <c>invalid</c>.</param>
/// <param name="Subject">The user id or service client id.</param>
/// <param name="UserId">The user id, for a user's token.</param>
/// <param name="ClientId">The client id, for a service token.</param>
/// <param name="Email">The user's e-mail, for a user's token.</param>
/// <param name="Roles">The user's roles.</param>
/// <param name="Scopes">The service token's scopes.</param>
/// <param name="ExpiresAt">When the token expires.</param>
internal sealed record VerifyTokenResponse(
    bool Valid,
    string? Reason,
    string? Subject,
    Guid? UserId,
    string? ClientId,
    string? Email,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? ExpiresAt);
