namespace Mercato.Identity.Tokens;

/// <summary>A freshly signed access token.</summary>
/// <param name="Token">The compact JWT.</param>
/// <param name="ExpiresAt">When it expires.</param>
/// <param name="ExpiresIn">Seconds until it expires.</param>
internal sealed record IssuedAccessToken(string Token, DateTimeOffset ExpiresAt, int ExpiresIn);
