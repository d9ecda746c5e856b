namespace Mercato.Platform.Auth.ServiceTokens;

/// <summary>
/// This service's own OAuth 2.0 client (<c>Auth:ServiceClient</c>): the credentials it uses to get
/// service tokens from Identity for calls to other services' service-only endpoints.
/// </summary>
public sealed class ServiceClientCredentials
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Auth:ServiceClient";

    /// <summary>The client id configured in Identity (<c>Identity:Clients:&lt;id&gt;</c>).</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret (from a secret store or environment variable, never from appsettings in a repository).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Identity's token endpoint; defaults to the issuer's <c>/api/v1/auth/token</c>.</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>Scopes to ask for; empty asks for every scope the client may have.</summary>
    public string[] Scopes { get; set; } = [];

    /// <summary>How long before expiry a cached token is replaced (default 60 s).</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether credentials are configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
