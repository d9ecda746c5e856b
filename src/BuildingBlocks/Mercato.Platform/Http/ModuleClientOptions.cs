namespace Mercato.Platform.Http;

/// <summary>
/// Where a neighbour module runs when it is not co-hosted (<c>Services:&lt;Name&gt;</c>, as the
/// gateway reads it). Each module's client derives its own options from it.
/// </summary>
public abstract class ModuleClientOptions
{
    /// <summary>The module's base URL, e.g. <c>http://catalog:8080</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>Whether <see cref="Url"/> is an absolute http(s) URL.</summary>
    public bool HasValidUrl => Url is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
