namespace Mercato.Web.Session;

/// <summary>The API's answer to sign-in and refresh.</summary>
/// <param name="AccessToken">The JWT the UI sends for the user.</param>
/// <param name="RefreshToken">The single-use token for the next pair.</param>
/// <param name="ExpiresIn">Seconds until the access token expires.</param>
public sealed record TokenPair(string AccessToken, string RefreshToken, int ExpiresIn);
