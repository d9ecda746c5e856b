using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mercato.Testing;

/// <summary>
/// A real token issuer on a loopback port: serves an OpenID discovery document and a JWKS of
/// EC P-256 keys, and mints ES256 tokens. It stands in for the Identity module until that
/// module exists, and lets tests forge the bad tokens a validator must refuse.
/// </summary>
public sealed class TestIssuer : IAsyncDisposable
{
    /// <summary>The audience Mercato expects.</summary>
    public const string DefaultAudience = "mercato-api";

    private readonly List<(string Kid, ECDsa Key)> _keys = [];
    private readonly WebApplication _app;

    private TestIssuer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
        RotateKey();
    }

    /// <summary>The issuer URL (also the <c>iss</c> claim).</summary>
    public string Url { get; }

    /// <summary>The key currently used to sign.</summary>
    public string CurrentKid => _keys[^1].Kid;

    /// <summary>Configuration that points a Mercato host at this issuer.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Auth:Issuer"] = Url,
        ["Auth:Audience"] = DefaultAudience,
        ["Auth:ClockSkew"] = "00:00:05",
        ["Auth:KeysMinimumRefreshInterval"] = "00:00:01",
    };

    /// <summary>Starts the issuer on a free loopback port.</summary>
    public static async Task<TestIssuer> StartAsync()
    {
        TestIssuer? issuer = null;
        var (app, url) = await LoopbackApp.StartAsync((app, url) =>
        {
            app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = url,
                ["jwks_uri"] = url + "/.well-known/jwks.json",
                ["id_token_signing_alg_values_supported"] = new[] { "ES256" },
            }));
            app.MapGet("/.well-known/jwks.json", () => Results.Json(new { keys = issuer!.Jwks() }));
        });
        issuer = new TestIssuer(app, url);
        return issuer;
    }

    /// <summary>Adds a new signing key (published in the JWKS) and signs with it from now on.</summary>
    public string RotateKey()
    {
        var kid = "test-" + Guid.NewGuid().ToString("N")[..8];
        lock (_keys)
        {
            _keys.Add((kid, ECDsa.Create(ECCurve.NamedCurves.nistP256)));
        }

        return kid;
    }

    /// <summary>Removes a key from the JWKS.</summary>
    public void RetireKey(string kid)
    {
        lock (_keys)
        {
            _keys.RemoveAll(k => k.Kid == kid);
        }
    }

    /// <summary>A user token with the given roles.</summary>
    public string UserToken(string subject, params string[] roles) => CreateToken(subject, roles);

    /// <summary>A service token with the given scopes.</summary>
    public string ServiceToken(string clientId, params string[] scopes) =>
        CreateToken(clientId, [], scope: string.Join(' ', scopes), extraClaims: new() { ["client_id"] = clientId });

    /// <summary>Mints a token; every argument can be bent to forge a bad one.</summary>
    public string CreateToken(
        string subject,
        IEnumerable<string> roles,
        string? scope = null,
        string? audience = null,
        string? issuer = null,
        DateTime? expires = null,
        DateTime? notBefore = null,
        ECDsa? signingKey = null,
        string? kid = null,
        Dictionary<string, object>? extraClaims = null)
    {
        var claims = new List<Claim> { new("sub", subject) };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        if (scope is not null)
        {
            claims.Add(new Claim("scope", scope));
        }

        var (currentKid, currentKey) = _keys[^1];
        var key = new ECDsaSecurityKey(signingKey ?? currentKey) { KeyId = kid ?? currentKid };
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer ?? Url,
            Audience = audience ?? DefaultAudience,
            IssuedAt = (notBefore ?? now).AddSeconds(-1),
            NotBefore = notBefore ?? now.AddSeconds(-1),
            Expires = expires ?? now.AddMinutes(15),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
            Claims = extraClaims,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with the given roles.</summary>
    public string UnsignedToken(string subject, params string[] roles)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var roleJson = string.Join(',', roles.Select(r => $"\"{r}\""));
        var payload = Base64UrlEncoder.Encode(
            $$"""{"sub":"{{subject}}","role":[{{roleJson}}],"iss":"{{Url}}","aud":"{{DefaultAudience}}","nbf":{{now - 1}},"exp":{{now + 900}}}""");
        return header + "." + payload + ".";
    }

    /// <summary>A token signed with a shared secret (HS256), which Mercato must refuse.</summary>
    public string SymmetricToken(string subject, params string[] roles)
    {
        var claims = new List<Claim> { new("sub", subject) };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(new string('k', 64)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = Url,
            Audience = DefaultAudience,
            Expires = DateTime.UtcNow.AddMinutes(15),
            SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256),
        });
    }

    private object[] Jwks()
    {
        lock (_keys)
        {
            return _keys.Select(k =>
            {
                var p = k.Key.ExportParameters(false);
                return (object)new Dictionary<string, string>
                {
                    ["kty"] = "EC",
                    ["crv"] = "P-256",
                    ["use"] = "sig",
                    ["alg"] = "ES256",
                    ["kid"] = k.Kid,
                    ["x"] = Base64UrlEncoder.Encode(p.Q.X!),
                    ["y"] = Base64UrlEncoder.Encode(p.Q.Y!),
                };
            }).ToArray();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var (_, key) in _keys)
        {
            key.Dispose();
        }
    }
}
