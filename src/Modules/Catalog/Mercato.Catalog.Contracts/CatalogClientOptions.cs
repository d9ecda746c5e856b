namespace Mercato.Catalog.Contracts;

/// <summary>Where the Catalog runs when it is not co-hosted (<c>Services:Catalog</c>, as the gateway reads it).</summary>
public sealed class CatalogClientOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Services:Catalog";

    /// <summary>The resilience section (<c>HttpStandardResilienceOptions</c>' shape, e.g. <c>AttemptTimeout:Timeout</c>).</summary>
    public const string ResilienceSection = Section + ":Resilience";

    /// <summary>The Catalog's base URL, e.g. <c>http://catalog:8080</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>Whether <see cref="Url"/> is an absolute http(s) URL.</summary>
    public bool HasValidUrl => Url is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
