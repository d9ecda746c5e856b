using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Mercato.Catalog.Search.Index;

/// <summary>
/// One Lucene index folder of this process: its single <see cref="IndexWriter"/>, a
/// <see cref="SearcherManager"/> reopened near-real-time after each batch of changes, and the
/// change-feed checkpoint (the newest <c>UpdatedAt</c> applied), which every commit stores with the
/// schema version in its user data. Searches run on any thread; changes come from one thread
/// (<see cref="ProductSearchIndexer"/>).
/// </summary>
internal sealed class ProductSearchIndex : IDisposable
{
    private const string SchemaKey = "schema";
    private const string CheckpointKey = "checkpoint";
    private static readonly TimeSpan CommitEvery = TimeSpan.FromSeconds(5);

    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly Dictionary<Guid, (long Version, DateTime UpdatedAt)> _applied = [];
    private readonly SearchResultCache _results = new();
    private long _lastCommit = Environment.TickCount64;
    private bool _dirty;

    private ProductSearchIndex(string folder, LuceneDirectory directory, OpenMode mode, DateTime checkpoint)
    {
        Folder = folder;
        _directory = directory;
        _analyzer = ProductIndexSchema.NewAnalyzer();
        _writer = new IndexWriter(directory, new IndexWriterConfig(ProductIndexSchema.Version, _analyzer) { OpenMode = mode, RAMBufferSizeMB = 32 });
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
        Checkpoint = checkpoint;
    }

    /// <summary>The folder of this index.</summary>
    public string Folder { get; }

    /// <summary>The newest <c>UpdatedAt</c> of the products applied (UTC; <see cref="DateTime.MinValue"/> for none).</summary>
    public DateTime Checkpoint { get; private set; }

    /// <summary>Documents in the index (searchable products).</summary>
    public int Count => _writer.NumDocs;

    /// <summary>A new empty index in <paramref name="folder"/>.</summary>
    public static ProductSearchIndex Create(string folder)
    {
        System.IO.Directory.CreateDirectory(folder);
        return new ProductSearchIndex(folder, FSDirectory.Open(folder), OpenMode.CREATE, DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc));
    }

    /// <summary>
    /// Opens the index committed in <paramref name="folder"/>, or answers why it cannot be used
    /// (missing, unreadable, another schema version) so that it is rebuilt.
    /// </summary>
    public static ProductSearchIndex? TryOpen(string folder, out string problem)
    {
        if (!System.IO.Directory.Exists(folder))
        {
            problem = "it does not exist";
            return null;
        }

        var directory = FSDirectory.Open(folder);
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                problem = "it holds no index";
                directory.Dispose();
                return null;
            }

            IDictionary<string, string> data;
            using (var reader = DirectoryReader.Open(directory))
            {
                data = reader.IndexCommit.UserData;
            }

            if (!data.TryGetValue(SchemaKey, out var schema) || schema != ProductIndexSchema.SchemaVersion)
            {
                problem = $"its schema version is {schema ?? "none"}, not {ProductIndexSchema.SchemaVersion}";
                directory.Dispose();
                return null;
            }

            var checkpoint = new DateTime(long.Parse(data[CheckpointKey], System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
            problem = string.Empty;
            return new ProductSearchIndex(folder, directory, OpenMode.APPEND, checkpoint);
        }
        catch (Exception e) when (e is IOException or FormatException or KeyNotFoundException or OverflowException or ArgumentException)
        {
            problem = $"it cannot be read ({e.GetType().Name}: {e.Message})";
            directory.Dispose();
            return null;
        }
    }

    /// <summary>Whether <paramref name="id"/> was applied at <paramref name="version"/> within the change feed's overlap.</summary>
    public bool HasApplied(Guid id, long version) => _applied.TryGetValue(id, out var seen) && seen.Version == version;

    /// <summary>Adds, replaces or removes each product's document, as it is now.</summary>
    public void Apply(IEnumerable<IndexedProduct> products, bool remember)
    {
        foreach (var product in products)
        {
            if (product.Searchable)
            {
                _writer.UpdateDocument(ProductIndexSchema.IdTerm(product.Id), ProductIndexSchema.ToDocument(product));
            }
            else
            {
                _writer.DeleteDocuments(ProductIndexSchema.IdTerm(product.Id));
            }

            if (remember)
            {
                _applied[product.Id] = (product.Version, product.UpdatedAt);
            }

            _dirty = true;
        }
    }

    /// <summary>
    /// Applies the products whose document would change (content, or whether it is searchable),
    /// and only records the version of the others: a stock movement bumps a product's version
    /// without touching anything indexed, and rewriting its document would cost a flush and a
    /// reopen for nothing (and empty the result cache). Answers how many documents were written.
    /// Compares with the documents as of the last <see cref="Refresh"/>.
    /// </summary>
    public int ApplyChanged(IReadOnlyCollection<IndexedProduct> products)
    {
        var changed = new List<IndexedProduct>(products.Count);
        var searcher = _searchers.Acquire();
        try
        {
            foreach (var product in products)
            {
                var written = FingerprintIn(searcher, product.Id);
                if (product.Searchable ? written != ProductIndexSchema.FingerprintOf(product) : written is not null)
                {
                    changed.Add(product);
                }
                else
                {
                    _applied[product.Id] = (product.Version, product.UpdatedAt);
                }
            }
        }
        finally
        {
            _searchers.Release(searcher);
        }

        Apply(changed, remember: true);
        return changed.Count;
    }

    /// <summary>Removes the documents of products that no longer exist.</summary>
    public void Remove(IEnumerable<Guid> ids)
    {
        foreach (var id in ids)
        {
            _writer.DeleteDocuments(ProductIndexSchema.IdTerm(id));
            _applied.Remove(id);
            _dirty = true;
        }
    }

    private static long? FingerprintIn(IndexSearcher searcher, Guid id)
    {
        var hits = searcher.Search(new TermQuery(ProductIndexSchema.IdTerm(id)), 1);
        return hits.TotalHits == 0
            ? null
            : searcher.Doc(hits.ScoreDocs[0].Doc).GetField(ProductIndexSchema.Fingerprint)?.GetInt64Value();
    }

    /// <summary>Moves the checkpoint to <paramref name="newest"/> and forgets products older than <paramref name="forgetBefore"/>.</summary>
    public void Advance(DateTime newest, DateTime forgetBefore)
    {
        if (newest > Checkpoint)
        {
            Checkpoint = newest;
        }

        foreach (var id in _applied.Where(a => a.Value.UpdatedAt < forgetBefore).Select(a => a.Key).ToList())
        {
            _applied.Remove(id);
        }
    }

    /// <summary>
    /// Merges the index into one segment, after a full build: a search then seeks each word once
    /// per field instead of once per field and segment (with 100,000 products, a rare word's
    /// search went from about 420 KB allocated to a fraction of that).
    /// </summary>
    public void Compact() => _writer.ForceMerge(1);

    /// <summary>Makes the changes applied so far visible to searches (near-real-time reopen).</summary>
    public void Refresh()
    {
        _searchers.MaybeRefreshBlocking();
        _results.Clear();
    }

    /// <summary>Commits (durably, with the schema version and checkpoint) when there are changes and the last commit is a few seconds old, or when <paramref name="now"/> says so.</summary>
    public void Commit(bool now = false)
    {
        if (!now && (!_dirty || Environment.TickCount64 - _lastCommit < CommitEvery.TotalMilliseconds))
        {
            return;
        }

        _writer.SetCommitData(new Dictionary<string, string>
        {
            [SchemaKey] = ProductIndexSchema.SchemaVersion,
            [CheckpointKey] = Checkpoint.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _writer.Commit();
        _lastCommit = Environment.TickCount64;
        _dirty = false;
    }

    /// <summary>
    /// The page of hits for <paramref name="text"/>, the total and the counts per category, in one
    /// pass over the matches, or from <see cref="SearchResultCache"/> when the same words and
    /// page were searched on the same searcher (<paramref name="cached"/> says which).
    /// </summary>
    public SearchPage Search(string text, int pageNumber, int pageSize, out bool cached)
    {
        cached = false;
        var words = ProductIndexSchema.WordsOf(_analyzer, text);
        if (words.Count == 0)
        {
            return SearchPage.Empty;
        }

        var searcher = _searchers.Acquire();
        try
        {
            var key = new SearchResultKey(((DirectoryReader)searcher.IndexReader).Version, string.Join(' ', words), pageNumber, pageSize);
            if (_results.TryGet(key) is { } page)
            {
                cached = true;
                return page;
            }

            page = Run(searcher, ProductIndexSchema.QueryFor(words), pageNumber, pageSize);
            _results.Add(key, page);
            return page;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private static SearchPage Run(IndexSearcher searcher, Query query, int pageNumber, int pageSize)
    {
        var start = (pageNumber - 1) * pageSize;
        var keep = (int)Math.Clamp((long)start + pageSize, 1, Math.Max(1, searcher.IndexReader.MaxDoc));
        var top = TopFieldCollector.Create(ProductIndexSchema.Ranking, keep, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        var counts = new CategoryCountCollector();
        searcher.Search(query, MultiCollector.Wrap(top, counts));
        var hits = start >= keep
            ? []
            : top.GetTopDocs(start, pageSize).ScoreDocs
                .Select(d => new SearchHit(Guid.Parse(((BytesRef)((FieldDoc)d).Fields[1]).Utf8ToString()), d.Score))
                .ToList();
        return new SearchPage(hits, counts.Total, counts.Counts);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _searchers.Dispose();
        _results.Dispose();
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
