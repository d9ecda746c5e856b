using System.Text;
using System.Text.RegularExpressions;
using Mercato.Catalog.Data;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Search;

/// <summary>
/// Search with each provider's own full-text engine, as set up by the <c>Search</c> migration;
/// the page (<c>LIMIT</c>/<c>OFFSET</c>) and the counts per category (<c>GROUP BY</c>) are
/// computed by the database, so only the page's ids and one row per category come back.
/// <list type="bullet">
/// <item>SQLite: the FTS5 table <c>catalog_products_fts</c> (porter stemming), kept in step with
/// <c>catalog_products</c> by triggers, ranked by <c>bm25</c> with column weights 10/5/5/1.</item>
/// <item>PostgreSQL: the stored generated <c>tsvector</c> column <c>search_vector</c> (weights A
/// name, B SKU and tags, C description) with a GIN index, matched by <c>plainto_tsquery</c>
/// (every word, no operators) and ranked by <c>ts_rank</c>.</item>
/// </list>
/// It serves when <c>Catalog:Search:Engine</c> is <c>database</c>, and while the Lucene index is
/// being built.
/// </summary>
internal sealed partial class DatabaseSearchEngine(CatalogDbContext db) : IProductSearchEngine
{
    /// <inheritdoc />
    public async Task<SearchPage> SearchAsync(string text, int pageNumber, int pageSize, CancellationToken cancellationToken)
    {
        var offset = (pageNumber - 1) * pageSize;
        List<SearchHit> hits;
        List<CategoryCount> counts;
        if (db.Database.IsNpgsql())
        {
            hits = await db.Database.SqlQuery<SearchHit>($"""
                SELECT p."Id" AS "Id", ts_rank(p.search_vector, q)::float8 AS "Rank"
                FROM catalog_products p, plainto_tsquery('english', {text}) q
                WHERE p.search_vector @@ q AND p."Available" AND NOT p."IsDeleted"
                ORDER BY "Rank" DESC, p."Id"
                LIMIT {pageSize} OFFSET {offset}
                """).ToListAsync(cancellationToken);
            counts = await db.Database.SqlQuery<CategoryCount>($"""
                SELECT p."CategoryId" AS "CategoryId", COUNT(*) AS "Count"
                FROM catalog_products p, plainto_tsquery('english', {text}) q
                WHERE p.search_vector @@ q AND p."Available" AND NOT p."IsDeleted"
                GROUP BY p."CategoryId"
                """).ToListAsync(cancellationToken);
        }
        else
        {
            var match = Fts5Match(text);
            if (match is null)
            {
                return SearchPage.Empty;
            }

            hits = await db.Database.SqlQuery<SearchHit>($"""
                SELECT p."Id" AS "Id", f.score AS "Rank"
                FROM (SELECT product_id, -bm25(catalog_products_fts, 0.0, 10.0, 5.0, 5.0, 1.0) AS score
                      FROM catalog_products_fts WHERE catalog_products_fts MATCH {match}) f
                JOIN catalog_products p ON p."Id" = f.product_id
                WHERE p."Available" AND NOT p."IsDeleted"
                ORDER BY "Rank" DESC, p."Id"
                LIMIT {pageSize} OFFSET {offset}
                """).ToListAsync(cancellationToken);
            counts = await db.Database.SqlQuery<CategoryCount>($"""
                SELECT p."CategoryId" AS "CategoryId", COUNT(*) AS "Count"
                FROM (SELECT product_id FROM catalog_products_fts WHERE catalog_products_fts MATCH {match}) f
                JOIN catalog_products p ON p."Id" = f.product_id
                WHERE p."Available" AND NOT p."IsDeleted"
                GROUP BY p."CategoryId"
                """).ToListAsync(cancellationToken);
        }

        return new SearchPage(hits, counts.Sum(c => c.Count), counts.ToDictionary(c => c.CategoryId, c => c.Count));
    }

    /// <summary>
    /// The FTS5 query for free text: each word (letters and digits) as a quoted string, all
    /// required; null when the text has no word. Quoting keeps FTS5 operators and syntax in the
    /// text from being interpreted.
    /// </summary>
    internal static string? Fts5Match(string text)
    {
        var words = Word().Matches(text);
        if (words.Count == 0)
        {
            return null;
        }

        var match = new StringBuilder();
        foreach (Match word in words)
        {
            match.Append(match.Length == 0 ? "\"" : " \"").Append(word.Value).Append('"');
        }

        return match.ToString();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
