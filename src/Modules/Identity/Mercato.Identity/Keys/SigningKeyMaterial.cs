using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Mercato.Identity.Keys;

/// <summary>A loaded signing key: the private key that signs, its public JWK, and its lifetime.</summary>
internal sealed class SigningKeyMaterial
{
    private SigningKeyMaterial(
        string keyId,
        string algorithm,
        AsymmetricSecurityKey privateKey,
        AsymmetricSecurityKey publicKey,
        JsonWebKeyDocument jwk,
        DateTimeOffset? activatesAt,
        DateTimeOffset? retiresAt)
    {
        ActivatesAt = activatesAt ?? DateTimeOffset.MinValue;
        RetiresAt = retiresAt;
        KeyId = keyId;
        Algorithm = algorithm;
        PrivateKey = privateKey;
        PublicKey = publicKey;
        Jwk = jwk;
    }

    /// <summary>The <c>kid</c>.</summary>
    public string KeyId { get; }

    /// <summary><c>ES256</c> or <c>RS256</c>.</summary>
    public string Algorithm { get; }

    /// <summary>The private key (signs tokens; never leaves the process).</summary>
    public AsymmetricSecurityKey PrivateKey { get; }

    /// <summary>The public key (validates tokens).</summary>
    public AsymmetricSecurityKey PublicKey { get; }

    /// <summary>The public key as published.</summary>
    public JsonWebKeyDocument Jwk { get; }

    /// <summary>From when it signs.</summary>
    public DateTimeOffset ActivatesAt { get; }

    /// <summary>From when it is neither used nor published; null for never.</summary>
    public DateTimeOffset? RetiresAt { get; }

    /// <summary>Credentials that sign with this key.</summary>
    public SigningCredentials Credentials => new(PrivateKey, Algorithm);

    /// <summary>Whether the key is published at <paramref name="now"/>.</summary>
    public bool IsPublishedAt(DateTimeOffset now) => RetiresAt is null || RetiresAt > now;

    /// <summary>Whether the key may sign at <paramref name="now"/>.</summary>
    public bool CanSignAt(DateTimeOffset now) => ActivatesAt <= now && IsPublishedAt(now);

    /// <summary>Generates a new private key in PKCS#8 PEM.</summary>
    /// <param name="algorithm"><c>ES256</c> or <c>RS256</c>.</param>
    public static string GeneratePem(string algorithm)
    {
        switch (Normalize(algorithm))
        {
            case SecurityAlgorithms.EcdsaSha256:
                using (var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256))
                {
                    return ec.ExportPkcs8PrivateKeyPem();
                }

            default:
                using (var rsa = RSA.Create(3072))
                {
                    return rsa.ExportPkcs8PrivateKeyPem();
                }
        }
    }

    /// <summary>Loads a PEM private key; the key id defaults to its RFC 7638 thumbprint.</summary>
    /// <param name="algorithm"><c>ES256</c> or <c>RS256</c>.</param>
    /// <param name="pem">The private key.</param>
    /// <param name="keyId">The key id, or null for the thumbprint.</param>
    /// <param name="activatesAt">From when it signs; null for always.</param>
    /// <param name="retiresAt">From when it is unused and unpublished; null for never.</param>
    /// <exception cref="ArgumentException">The algorithm or key is not acceptable.</exception>
    public static SigningKeyMaterial Load(
        string algorithm, string pem, string? keyId = null, DateTimeOffset? activatesAt = null, DateTimeOffset? retiresAt = null)
    {
        var alg = Normalize(algorithm);
        if (alg == SecurityAlgorithms.EcdsaSha256)
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            RequirePrivateKey(() => ec.ExportParameters(includePrivateParameters: true).D, pem);
            var parameters = ec.ExportParameters(includePrivateParameters: false);
            if (parameters.Curve.Oid.FriendlyName is not ("nistP256" or "ECDSA_P256") && parameters.Curve.Oid.Value != "1.2.840.10045.3.1.7")
            {
                throw new ArgumentException("An ES256 key must be on the P-256 curve.", nameof(pem));
            }

            var x = Base64UrlEncoder.Encode(parameters.Q.X!);
            var y = Base64UrlEncoder.Encode(parameters.Q.Y!);
            var kid = keyId ?? Thumbprint($$"""{"crv":"P-256","kty":"EC","x":"{{x}}","y":"{{y}}"}""");
            var jwk = new JsonWebKeyDocument { KeyType = "EC", KeyId = kid, Algorithm = alg, Curve = "P-256", X = x, Y = y };
            return new SigningKeyMaterial(
                kid, alg,
                new ECDsaSecurityKey(ec) { KeyId = kid },
                new ECDsaSecurityKey(ECDsa.Create(parameters)) { KeyId = kid },
                jwk,
                activatesAt,
                retiresAt);
        }

        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        RequirePrivateKey(() => rsa.ExportParameters(includePrivateParameters: true).D, pem);
        if (rsa.KeySize < 2048)
        {
            throw new ArgumentException("An RS256 key must have at least 2048 bits.", nameof(pem));
        }

        var publicParameters = rsa.ExportParameters(includePrivateParameters: false);
        var n = Base64UrlEncoder.Encode(publicParameters.Modulus!);
        var e = Base64UrlEncoder.Encode(publicParameters.Exponent!);
        var rsaKid = keyId ?? Thumbprint($$"""{"e":"{{e}}","kty":"RSA","n":"{{n}}"}""");
        return new SigningKeyMaterial(
            rsaKid, alg,
            new RsaSecurityKey(rsa) { KeyId = rsaKid },
            new RsaSecurityKey(publicParameters) { KeyId = rsaKid },
            new JsonWebKeyDocument { KeyType = "RSA", KeyId = rsaKid, Algorithm = alg, Modulus = n, Exponent = e },
            activatesAt,
            retiresAt);
    }

    /// <summary>The canonical algorithm name, or an exception for anything but ES256 and RS256.</summary>
    public static string Normalize(string algorithm) => algorithm.Trim().ToUpperInvariant() switch
    {
        "ES256" => SecurityAlgorithms.EcdsaSha256,
        "RS256" => SecurityAlgorithms.RsaSha256,
        _ => throw new ArgumentException($"Signing algorithm '{algorithm}' is not supported; use ES256 or RS256.", nameof(algorithm)),
    };

    /// <summary>A PEM may hold just a public key, which imports fine but cannot sign.</summary>
    private static void RequirePrivateKey(Func<byte[]?> exportPrivate, string pem)
    {
        bool hasPrivate;
        try
        {
            hasPrivate = exportPrivate() is { Length: > 0 };
        }
        catch (CryptographicException)
        {
            hasPrivate = false;
        }

        if (!hasPrivate)
        {
            throw new ArgumentException("The PEM holds no private key; a signing key needs one.", nameof(pem));
        }
    }

    private static string Thumbprint(string canonicalJwk)
        => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJwk)));
}
