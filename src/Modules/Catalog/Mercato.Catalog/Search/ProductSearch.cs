using System.Text;
using System.Text.RegularExpressions;
using Mercato.Catalog.Data;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Search;

/// <summary>
/// Full-text search over available, non-deleted products with each provider's own engine, as set
/// up by the <c>Search</c> migration. Name matches weigh most, then SKU and tags, then the
/// description; every word must match (stemmed: "headphone" finds "headphones").
/// <list type="bullet">
/// <item>SQLite: the FTS5 table <c>catalog_products_fts</c> (porter stemming), kept in step with
/// <c>catalog_products</c> by triggers, ranked by <c>bm25</c> with column weights 10/5/5/1.</item>
/// <item>PostgreSQL: the stored generated <c>tsvector</c> column <c>search_vector</c> (weights A
/// name, B SKU and tags, C description) with a GIN index, matched by
/// <c>websearch_to_tsquery</c> and ranked by <c>ts_rank</c>.</item>
/// </list>
/// </summary>
internal static partial class ProductSearch
{
    /// <summary>Every matching product, best first (ties by id).</summary>
    public static async Task<List<SearchHit>> FindAsync(CatalogDbContext db, string text, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            return await db.Database.SqlQuery<SearchHit>($"""
                SELECT p."Id" AS "Id", p."CategoryId" AS "CategoryId", ts_rank(p.search_vector, q)::float8 AS "Rank"
                FROM catalog_products p, websearch_to_tsquery('english', {text}) q
                WHERE p.search_vector @@ q AND p."Available" AND NOT p."IsDeleted"
                ORDER BY "Rank" DESC, p."Id"
                """).ToListAsync(cancellationToken);
        }

        var match = Fts5Match(text);
        if (match is null)
        {
            return [];
        }

        return await db.Database.SqlQuery<SearchHit>($"""
            SELECT p."Id" AS "Id", p."CategoryId" AS "CategoryId", f.score AS "Rank"
            FROM (SELECT product_id, -bm25(catalog_products_fts, 0.0, 10.0, 5.0, 5.0, 1.0) AS score
                  FROM catalog_products_fts WHERE catalog_products_fts MATCH {match}) f
            JOIN catalog_products p ON p."Id" = f.product_id
            WHERE p."Available" AND NOT p."IsDeleted"
            ORDER BY "Rank" DESC, p."Id"
            """).ToListAsync(cancellationToken);
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
