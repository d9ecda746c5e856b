namespace Mercato.Identity.Clients;

/// <summary>A service client allowed to use the client-credentials grant (<c>Identity:Clients:&lt;id&gt;</c>).</summary>
internal sealed class ServiceClientOptions
{
    /// <summary>
    /// SHA-256 of the client secret as 64 hex digits (<c>printf %s "$secret" | sha256sum</c>).
    /// The secret itself is never stored.
    /// </summary>
    public string SecretHash { get; set; } = string.Empty;

    /// <summary>The scopes the client may ask for.</summary>
    public string[] Scopes { get; set; } = [];
}
