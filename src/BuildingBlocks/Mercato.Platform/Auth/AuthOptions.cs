using Mercato.Platform.Hosting;

namespace Mercato.Platform.Auth;

/// <summary>How this process validates Identity's tokens (<c>Auth</c> section).</summary>
public sealed class AuthOptions : IValidatedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Auth";

    /// <summary>The token issuer (<c>iss</c>) and base URL of its discovery document.</summary>
    public string Issuer { get; set; } = "http://localhost:5000";

    /// <summary>The audience every Mercato token carries.</summary>
    public string Audience { get; set; } = "mercato-api";

    /// <summary>Where the OpenID discovery document is; defaults to the issuer's well-known URL.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>
    /// Whether the discovery document must be fetched over HTTPS. Null means: required unless
    /// the address is a loopback address (where nothing crosses a network).
    /// </summary>
    public bool? RequireHttpsMetadata { get; set; }

    /// <summary>Tolerated clock difference between issuer and validator.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often signing keys are re-read from the JWKS even when nothing asks for it.</summary>
    public TimeSpan KeysRefreshInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Shortest time between two JWKS reads forced by a token signed with an unknown key
    /// (a freshly rotated key is picked up this fast; floods of forged kids cannot hammer the issuer).
    /// </summary>
    public TimeSpan KeysMinimumRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The resolved discovery document address.</summary>
    public string ResolvedMetadataAddress =>
        MetadataAddress ?? Issuer.TrimEnd('/') + "/.well-known/openid-configuration";

    /// <inheritdoc />
    public IEnumerable<string> Problems() => SettingRules.Failed(
        SettingRules.HttpUrl(Issuer, "Auth:Issuer", required: true),
        SettingRules.HttpUrl(MetadataAddress, "Auth:MetadataAddress"),
        string.IsNullOrWhiteSpace(Audience) ? "Auth:Audience must be set" : null,
        SettingRules.NotNegative(ClockSkew, "Auth:ClockSkew"),
        SettingRules.Positive(KeysRefreshInterval, "Auth:KeysRefreshInterval"),
        SettingRules.Positive(KeysMinimumRefreshInterval, "Auth:KeysMinimumRefreshInterval"));
}
