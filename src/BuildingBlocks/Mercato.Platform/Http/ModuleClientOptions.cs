using Mercato.Platform.Hosting;

namespace Mercato.Platform.Http;

/// <summary>
/// Where a neighbour module runs when it is not co-hosted (<c>Services:&lt;Name&gt;</c>, as the
/// gateway reads it), validated at start. Each module's client derives its own options from it.
/// </summary>
/// <param name="section">The configuration section, e.g. <c>Services:Catalog</c>.</param>
public abstract class ModuleClientOptions(string section) : IValidatedOptions
{
    /// <summary>The module's base URL, e.g. <c>http://catalog:8080</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>Whether <see cref="Url"/> is an absolute http(s) URL.</summary>
    public bool HasValidUrl => Url is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    /// <inheritdoc />
    public IEnumerable<string> Problems() => SettingRules.Failed(SettingRules.HttpUrl(Url?.OriginalString, section + ":Url"));
}
