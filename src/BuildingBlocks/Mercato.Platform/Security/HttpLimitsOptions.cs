using System.Net;
using Mercato.Platform.Hosting;

namespace Mercato.Platform.Security;

/// <summary>Request limits and CORS (<c>Http</c> section).</summary>
public sealed class HttpLimitsOptions : IValidatedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Http";

    /// <summary>Largest accepted request body in bytes (413 above it). Default 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Longest accepted request target (path and query) in bytes; longer answers 414 in the
    /// envelope. Kestrel's own, bodiless limit is set to twice this, so Mercato answers first.
    /// Default 8 KiB.
    /// </summary>
    public int MaxRequestTargetBytes { get; set; } = 8 * 1024;

    /// <summary>
    /// Largest accepted total of request headers in bytes; more answers 431 in the envelope.
    /// Kestrel's own, bodiless limit is set to twice this. Default 32 KiB.
    /// </summary>
    public int MaxRequestHeadersBytes { get; set; } = 32 * 1024;

    /// <summary>Origins allowed to call the API from a browser; empty disables CORS.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>Proxies whose X-Forwarded-For is trusted (the gateway); loopback is always trusted.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <inheritdoc />
    public IEnumerable<string> Problems() => SettingRules.Failed(
        [
            SettingRules.AtLeast(MaxRequestBodyBytes, 1, "Http:MaxRequestBodyBytes"),
            .. KnownProxies.Select(p => IPAddress.TryParse(p, out _) ? null : $"Http:KnownProxies '{p}' is not an IP address"),
            .. CorsOrigins.Select(o => SettingRules.HttpUrl(o, "Http:CorsOrigins", required: true)),
        ]);
}
