using Mercato.Platform.Hosting;

namespace Mercato.Catalog.Caching;

/// <summary>Settings of the Catalog's server-side read cache (<c>Catalog:Caching</c>).</summary>
internal sealed class CatalogCacheOptions : IValidatedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Catalog:Caching";

    /// <summary>
    /// Whether anonymous product lists, product details and category reads are answered from the
    /// cache (default true). Off, every read goes to the database (for measuring uncached figures).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long an answer is kept at most (default 10 minutes). Writes evict what they change at
    /// once; this only bounds the memory that answers nobody asks for again keep.
    /// </summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(10);

    /// <inheritdoc />
    public IEnumerable<string> Problems() => SettingRules.Failed(SettingRules.Positive(Duration, "Catalog:Caching:Duration"));
}
