using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mercato.Identity.Tests.Support;

/// <summary>
/// Mints the tokens a validator must refuse (and, as a control, ones it must accept): every
/// property of a user token can be bent on its own, so each refusal has exactly one cause.
/// </summary>
public static class TokenForge
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>A user token with the given roles, signed with <paramref name="credentials"/>.</summary>
    /// <param name="credentials">The key and algorithm that sign it.</param>
    /// <param name="issuer">The <c>iss</c>.</param>
    /// <param name="audience">The <c>aud</c>.</param>
    /// <param name="subject">The <c>sub</c>.</param>
    /// <param name="roles">The <c>role</c> claims.</param>
    /// <param name="expires">The <c>exp</c>; default 15 minutes from now (real time).</param>
    public static string Sign(
        SigningCredentials credentials, string issuer, string audience, string subject, string[] roles, DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(15),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["role"] = roles, ["jti"] = Guid.NewGuid().ToString() },
            SigningCredentials = credentials,
        });
    }

    /// <summary>Credentials of a fresh P-256 key nobody published, named <paramref name="keyId"/>.</summary>
    public static SigningCredentials UnknownEs256Key(string keyId = "stranger") =>
        new(new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = keyId }, SecurityAlgorithms.EcdsaSha256);

    /// <summary>The same private key as <paramref name="credentials"/> (an ES256 key), under another <c>kid</c> or none.</summary>
    public static SigningCredentials WithKeyId(SigningCredentials credentials, string? keyId) =>
        new(new ECDsaSecurityKey(((ECDsaSecurityKey)credentials.Key).ECDsa) { KeyId = keyId }, credentials.Algorithm);

    /// <summary>An unsigned token (<c>alg: none</c>, empty signature) with otherwise valid claims.</summary>
    public static string AlgNone(string issuer, string audience, string subject, string[] roles)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Encode(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" });
        var payload = Encode(new JsonObject
        {
            ["iss"] = issuer,
            ["aud"] = audience,
            ["sub"] = subject,
            ["role"] = new JsonArray([.. roles.Select(r => JsonValue.Create(r))]),
            ["nbf"] = now - 60,
            ["iat"] = now - 60,
            ["exp"] = now + 900,
        });
        return header + "." + payload + ".";
    }

    /// <summary>A token signed with a shared secret (HS256) and otherwise valid claims.</summary>
    public static string Symmetric(string issuer, string audience, string subject, string[] roles)
    {
        var secret = new SymmetricSecurityKey(RandomBytes(64)) { KeyId = "shared-secret" };
        return Sign(new SigningCredentials(secret, SecurityAlgorithms.HmacSha256), issuer, audience, subject, roles);
    }

    /// <summary>The same token with its payload edited and its original signature kept.</summary>
    public static string Tamper(string jwt, Action<JsonObject> edit)
    {
        var parts = jwt.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        edit(payload);
        return parts[0] + "." + Encode(payload) + "." + parts[2];
    }

    /// <summary>The JOSE header of a JWT (not verified).</summary>
    public static JsonElement Header(string jwt) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.Split('.')[0])).RootElement.Clone();

    /// <summary>The payload (claims) of a JWT (not verified).</summary>
    public static JsonElement Payload(string jwt) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.Split('.')[1])).RootElement.Clone();

    /// <summary>The <c>kid</c> a JWT's header names.</summary>
    public static string KeyId(string jwt) => Header(jwt).GetProperty("kid").GetString()!;

    private static string Encode(JsonObject json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private static byte[] RandomBytes(int count) => RandomNumberGenerator.GetBytes(count);
}
