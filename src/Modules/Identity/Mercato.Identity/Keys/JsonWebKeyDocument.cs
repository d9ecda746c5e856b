using System.Text.Json.Serialization;

namespace Mercato.Identity.Keys;

/// <summary>The public half of a signing key as published in the JWKS (RFC 7517).</summary>
internal sealed record JsonWebKeyDocument
{
    /// <summary>Key type: <c>EC</c> or <c>RSA</c>.</summary>
    [JsonPropertyName("kty")]
    public required string KeyType { get; init; }

    /// <summary>Always <c>sig</c>.</summary>
    [JsonPropertyName("use")]
    public string Use { get; init; } = "sig";

    /// <summary>The key id tokens name in their header.</summary>
    [JsonPropertyName("kid")]
    public required string KeyId { get; init; }

    /// <summary><c>ES256</c> or <c>RS256</c>.</summary>
    [JsonPropertyName("alg")]
    public required string Algorithm { get; init; }

    /// <summary>EC curve (<c>P-256</c>).</summary>
    [JsonPropertyName("crv")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Curve { get; init; }

    /// <summary>EC x coordinate, base64url.</summary>
    [JsonPropertyName("x")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? X { get; init; }

    /// <summary>EC y coordinate, base64url.</summary>
    [JsonPropertyName("y")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Y { get; init; }

    /// <summary>RSA modulus, base64url.</summary>
    [JsonPropertyName("n")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Modulus { get; init; }

    /// <summary>RSA public exponent, base64url.</summary>
    [JsonPropertyName("e")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Exponent { get; init; }
}
