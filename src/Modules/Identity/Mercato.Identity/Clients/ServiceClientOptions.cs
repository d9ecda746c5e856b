using Mercato.Platform.Hosting;

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

    /// <summary>What is wrong with this client's settings, named under <paramref name="key"/> (<c>Identity:Clients:&lt;id&gt;</c>).</summary>
    public IEnumerable<string> Problems(string key) => SettingRules.Failed(
        ServiceClientRegistry.TryParseHash(SecretHash, out _) ? null : $"{key}:SecretHash must be the secret's SHA-256 as 64 hex digits",
        Scopes.Length > 0 && Scopes.All(s => !string.IsNullOrWhiteSpace(s)) ? null : $"{key}:Scopes must list at least one scope");
}
