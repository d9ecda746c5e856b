using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Mercato.Catalog.Search.Index;

/// <summary>
/// Counts every hit and the hits per category (the <see cref="ProductIndexSchema.Category"/> doc
/// values) in the same pass as the page's top documents: per segment by ordinal into an array,
/// turned into category ids when the segment ends.
/// </summary>
internal sealed class CategoryCountCollector : ICollector
{
    private readonly Dictionary<Guid, long> _counts = [];
    private SortedDocValues? _categories;
    private int[] _segmentCounts = [];

    /// <summary>All hits.</summary>
    public long Total { get; private set; }

    /// <summary>Hits per category id (complete once the search returned).</summary>
    public IReadOnlyDictionary<Guid, long> Counts
    {
        get
        {
            Flush();
            return _counts;
        }
    }

    /// <inheritdoc />
    public bool AcceptsDocsOutOfOrder => true;

    /// <inheritdoc />
    public void SetScorer(Scorer scorer)
    {
    }

    /// <inheritdoc />
    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _categories = context.AtomicReader.GetSortedDocValues(ProductIndexSchema.Category);
        _segmentCounts = _categories is null ? [] : new int[_categories.ValueCount];
    }

    /// <inheritdoc />
    public void Collect(int doc)
    {
        Total++;
        var ordinal = _categories?.GetOrd(doc) ?? -1;
        if (ordinal >= 0)
        {
            _segmentCounts[ordinal]++;
        }
    }

    private void Flush()
    {
        if (_categories is null)
        {
            return;
        }

        var term = new BytesRef();
        for (var ordinal = 0; ordinal < _segmentCounts.Length; ordinal++)
        {
            if (_segmentCounts[ordinal] == 0)
            {
                continue;
            }

            _categories.LookupOrd(ordinal, term);
            var id = Guid.Parse(term.Utf8ToString());
            _counts[id] = _counts.GetValueOrDefault(id) + _segmentCounts[ordinal];
        }

        _categories = null;
        _segmentCounts = [];
    }
}
