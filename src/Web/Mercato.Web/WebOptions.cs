using Mercato.Platform.Hosting;

namespace Mercato.Web;

/// <summary>The storefront's and dashboard's settings (<c>Web</c> section), validated at start.</summary>
public sealed class WebOptions : IValidatedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Web";

    /// <summary>
    /// Where the UI calls the public API (the gateway in distributed mode). When not set, the UI
    /// calls the process it runs in over loopback: embedded mode is a client of itself.
    /// </summary>
    public string? ApiUrl { get; set; }

    /// <summary>The shop's name, shown in the header and the page titles.</summary>
    public string ShopName { get; set; } = "Mercato";

    /// <summary>
    /// The shop's logo, shown before its name in the header: an <c>https://</c> URL or a path on
    /// this site (<c>/_content/Mercato.Web/favicon.svg</c>, a picture the Catalog serves). None by default.
    /// </summary>
    public string? LogoUrl { get; set; }

    /// <summary>The brand colour (a CSS hex colour such as <c>#1f4e79</c>).</summary>
    public string BrandColor { get; set; } = "#1f4e79";

    /// <summary>How long a signed-in browser session lasts without activity (default 14 days; the API's refresh token bounds it too).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Products per page in the storefront's lists.</summary>
    public int PageSize { get; set; } = 24;

    /// <summary>
    /// How long the storefront keeps the category tree it shows in its navigation and filters
    /// (default 10 seconds; zero asks the API on every page).
    /// </summary>
    public TimeSpan CategoryCacheDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The dashboard lists a published product as low on stock at this many units to sell or fewer (default 5).</summary>
    public int LowStockThreshold { get; set; } = 5;

    /// <inheritdoc />
    public IEnumerable<string> Problems() => SettingRules.Failed(
        SettingRules.HttpUrl(ApiUrl, "Web:ApiUrl"),
        string.IsNullOrWhiteSpace(ShopName) || ShopName.Length > 80 ? "Web:ShopName must be 1 to 80 characters" : null,
        // The pages' Content-Security-Policy loads pictures from this site and https origins only.
        SettingRules.HttpsUrlOrLocalPath(LogoUrl, "Web:LogoUrl"),
        System.Text.RegularExpressions.Regex.IsMatch(BrandColor, "^#[0-9a-fA-F]{6}$") ? null : "Web:BrandColor must be a hex colour such as #1f4e79",
        SettingRules.Positive(SessionIdleTimeout, "Web:SessionIdleTimeout"),
        PageSize is >= 1 and <= 100 ? null : "Web:PageSize must be between 1 and 100",
        LowStockThreshold is >= 0 and <= 1_000_000 ? null : "Web:LowStockThreshold must be between 0 and 1000000",
        CategoryCacheDuration >= TimeSpan.Zero && CategoryCacheDuration <= TimeSpan.FromHours(1) ? null : "Web:CategoryCacheDuration must be between 0 and 1 hour");
}
