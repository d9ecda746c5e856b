using System.Text.Json.Serialization;

namespace Mercato.Identity.Clients;

/// <summary>
/// RFC 6749 §5.1 access token response. The token endpoint speaks OAuth 2.0 exactly, so any
/// OAuth client library can use it; it is the one success answer outside the envelope.
/// </summary>
/// <param name="AccessToken">The service token.</param>
/// <param name="TokenType">Always <c>Bearer</c>.</param>
/// <param name="ExpiresIn">Seconds until it expires.</param>
/// <param name="Scope">The granted scopes, space-separated.</param>
internal sealed record ClientCredentialsResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("scope")] string Scope);
