using BenchmarkDotNet.Attributes;
using Mercato.Identity.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mercato.Benchmarks;

/// <summary>
/// Signing an access token (every sign-in and refresh) and validating one (every authenticated
/// request in every module), for ES256 and RS256 keys as Identity loads them.
/// </summary>
[MemoryDiagnoser]
public class TokenBenchmarks
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false, MapInboundClaims = false };
    private SigningKeyMaterial _key = null!;
    private SecurityTokenDescriptor _descriptor = null!;
    private TokenValidationParameters _validation = null!;
    private string _token = string.Empty;

    /// <summary>The signing algorithm.</summary>
    [Params("ES256", "RS256")]
    public string Algorithm { get; set; } = "ES256";

    /// <summary>Loads a generated key and signs one token to validate.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _key = SigningKeyMaterial.Load(Algorithm, SigningKeyMaterial.GeneratePem(Algorithm));
        var now = DateTime.UtcNow;
        _descriptor = new SecurityTokenDescriptor
        {
            Issuer = "http://localhost:5000",
            Audience = "mercato-api",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(15),
            SigningCredentials = _key.Credentials,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = Guid.CreateVersion7().ToString(),
                ["email"] = "ada@example.com",
                ["role"] = new[] { "Customer", "Premium" },
                ["jti"] = Guid.CreateVersion7().ToString(),
            },
        };
        _token = _handler.CreateToken(_descriptor);
        _validation = new TokenValidationParameters
        {
            ValidIssuer = "http://localhost:5000",
            ValidAudience = "mercato-api",
            IssuerSigningKey = _key.PublicKey,
            ValidAlgorithms = [_key.Algorithm],
        };
    }

    /// <summary>Signs an access token.</summary>
    [Benchmark]
    public string Sign() => _handler.CreateToken(_descriptor);

    /// <summary>Validates an access token (signature, issuer, audience, lifetime).</summary>
    [Benchmark]
    public async Task<bool> Validate() => (await _handler.ValidateTokenAsync(_token, _validation)).IsValid;
}
