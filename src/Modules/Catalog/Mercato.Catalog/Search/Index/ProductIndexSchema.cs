using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Mercato.Catalog.Search.Index;

/// <summary>
/// The index's schema: one document per searchable product, its fields, the analyzer (Unicode
/// words, lower case, accents folded, English possessives and Porter stemming, no stop words, so
/// every word of the text counts as it does on SQLite) and the query built from a text.
/// </summary>
internal static class ProductIndexSchema
{
    /// <summary>
    /// The schema version stamped into every commit; an index with another one is rebuilt.
    /// Raise it whenever the fields or the analysis change.
    /// </summary>
    public const string SchemaVersion = "2";

    /// <summary>Product id: indexed as one term (updates and deletes), stored, and doc values for the tie-break sort.</summary>
    public const string Id = "id";

    /// <summary>
    /// A hash of everything the document is made of (stored, not searched): a product change that
    /// leaves it equal (a stock movement, say) is not written to the index again.
    /// </summary>
    public const string Fingerprint = "fp";

    /// <summary>Category id as sorted doc values, counted per hit for the facets.</summary>
    public const string Category = "category";

    /// <summary>The searched text fields and their weights.</summary>
    public static readonly (string Field, float Boost)[] Weighted = [("name", 10f), ("sku", 5f), ("tags", 5f), ("description", 1f)];

    /// <summary>Lucene's version of the analysis rules.</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Best score first, then by id, so that pages of equal scores are stable.</summary>
    public static readonly Sort Ranking = new(SortField.FIELD_SCORE, new SortField(Id, SortFieldType.STRING));

    /// <summary>The analyzer of every text field, at indexing and at query time.</summary>
    public static Analyzer NewAnalyzer() => Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    });

    /// <summary>The document of a searchable product.</summary>
    public static LuceneDocument ToDocument(IndexedProduct product)
    {
        var id = product.Id.ToString();
        return
        [
            new StringField(Id, id, Field.Store.YES),
            new SortedDocValuesField(Id, new BytesRef(id)),
            new SortedDocValuesField(Category, new BytesRef(product.CategoryId.ToString())),
            new TextField("name", product.Name, Field.Store.NO),
            new TextField("sku", product.Sku, Field.Store.NO),
            new TextField("tags", string.Join(' ', product.Tags), Field.Store.NO),
            new TextField("description", product.Description, Field.Store.NO),
            new StoredField(Fingerprint, FingerprintOf(product)),
        ];
    }

    /// <summary>The <see cref="Fingerprint"/> of a product's document: the first 8 bytes of a SHA-256 of its indexed content.</summary>
    public static long FingerprintOf(IndexedProduct product)
    {
        var content = string.Join('\u001f', product.Name, product.Sku, string.Join('\u001e', product.Tags), product.Description, product.CategoryId.ToString("N"));
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content), hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(hash);
    }

    /// <summary>The term that finds a product's document.</summary>
    public static Term IdTerm(Guid id) => new(Id, id.ToString());

    /// <summary>
    /// The words of a user's text, analysed like the documents, each once, in order: the text
    /// as the index sees it (<c>"Wireless  HEADPHONES"</c> and <c>"wireless headphone"</c> give
    /// the same words). Nothing of the text is parsed as query syntax. Empty when the text has no word.
    /// </summary>
    public static IReadOnlyList<string> WordsOf(Analyzer analyzer, string text)
    {
        var words = new List<string>();
        using var stream = analyzer.GetTokenStream(Weighted[0].Field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var word = term.ToString();
            if (!words.Contains(word, StringComparer.Ordinal))
            {
                words.Add(word);
            }
        }

        stream.End();
        return words;
    }

    /// <summary>The query for the <paramref name="words"/> of a text: each required in at least one field (weighted by field).</summary>
    public static Query QueryFor(IReadOnlyList<string> words)
    {
        var query = new BooleanQuery();
        foreach (var word in words)
        {
            var anyField = new BooleanQuery();
            foreach (var (field, boost) in Weighted)
            {
                anyField.Add(new TermQuery(new Term(field, word)) { Boost = boost }, Occur.SHOULD);
            }

            query.Add(anyField, Occur.MUST);
        }

        return query;
    }
}
