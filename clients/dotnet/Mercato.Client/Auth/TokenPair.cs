namespace Mercato.Client.Auth;

/// <summary>The tokens of a signed-in session.</summary>
/// <param name="AccessToken">The JWT sent as <c>Authorization: Bearer</c>.</param>
/// <param name="RefreshToken">The single-use token that gets the next pair.</param>
/// <param name="ExpiresAt">When the access token expires (the server's <c>expiresIn</c> from the moment it answered).</param>
public sealed record TokenPair(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt);
