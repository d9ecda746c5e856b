using Mercato.Platform.Hosting;

namespace Mercato.Catalog.Search;

/// <summary>Settings of product search (<c>Catalog:Search</c>).</summary>
internal sealed class SearchOptions : IValidatedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Catalog:Search";

    /// <summary>The Lucene.Net index kept by this process (the default).</summary>
    public const string Lucene = "lucene";

    /// <summary>The database's own full-text search (SQLite FTS5, PostgreSQL tsvector).</summary>
    public const string Database = "database";

    /// <summary>Which engine answers searches: <c>lucene</c> (default) or <c>database</c>.</summary>
    public string Engine { get; set; } = Lucene;

    /// <summary>How often the index reads the products changed since its checkpoint (default 250 ms).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Whether the Lucene index is used.</summary>
    public bool UsesLucene => string.Equals(Engine, Lucene, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public IEnumerable<string> Problems() => SettingRules.Failed(
        UsesLucene || string.Equals(Engine, Database, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"Catalog:Search:Engine must be one of {Lucene}, {Database} (got '{Engine}')",
        SettingRules.Positive(RefreshInterval, "Catalog:Search:RefreshInterval"));
}
